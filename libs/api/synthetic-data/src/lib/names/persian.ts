import type { NameGroup } from './name-group';

/** Persian/Dari names (Afghanistan, Iran), written in Persian Arabic script. */
export const PERSIAN_NAMES: NameGroup = {
  code: 'persian',
  script: 'Arabic',
  female: [
    ['Fatemeh', 'فاطمه'], ['Zahra', 'زهرا'], ['Maryam', 'مریم'], ['Sakineh', 'سکینه'], ['Masoumeh', 'معصومه'],
    ['Leila', 'لیلا'], ['Shirin', 'شیرین'], ['Parisa', 'پریسا'], ['Nasrin', 'نسرین'], ['Mina', 'مینا'],
    ['Roya', 'رویا'], ['Soraya', 'ثریا'], ['Farzaneh', 'فرزانه'], ['Mahnaz', 'مهناز'], ['Azadeh', 'آزاده'],
    ['Nargis', 'نرگس'], ['Shabnam', 'شبنم'], ['Marzieh', 'مرضیه'], ['Somayeh', 'سمیه'], ['Fereshteh', 'فرشته'],
    ['Homa', 'هما'], ['Tahmina', 'تهمینه'], ['Parwana', 'پروانه'], ['Sima', 'سیما'], ['Laleh', 'لاله'],
    ['Negar', 'نگار'], ['Yalda', 'یلدا'], ['Khadija', 'خدیجه'], ['Mahsa', 'مهسا'], ['Nilufar', 'نیلوفر'],
  ],
  male: [
    ['Mohammad', 'محمد'], ['Ali', 'علی'], ['Reza', 'رضا'], ['Hossein', 'حسین'], ['Mehdi', 'مهدی'],
    ['Ahmad', 'احمد'], ['Mahmoud', 'محمود'], ['Hamid', 'حمید'], ['Javad', 'جواد'], ['Amir', 'امیر'],
    ['Farid', 'فرید'], ['Omid', 'امید'], ['Masoud', 'مسعود'], ['Saeed', 'سعید'], ['Navid', 'نوید'],
    ['Behrouz', 'بهروز'], ['Dariush', 'داریوش'], ['Kamran', 'کامران'], ['Farhad', 'فرهاد'], ['Parviz', 'پرویز'],
    ['Nasir', 'نصیر'], ['Sohrab', 'سهراب'], ['Rostam', 'رستم'], ['Bashir', 'بشیر'], ['Mostafa', 'مصطفی'],
    ['Yousef', 'یوسف'], ['Karim', 'کریم'], ['Rahim', 'رحیم'], ['Wahid', 'وحید'], ['Habib', 'حبیب'],
    ['Najib', 'نجیب'], ['Ehsan', 'احسان'], ['Milad', 'میلاد'], ['Arash', 'آرش'],
  ],
  family: [
    ['Ahmadi', 'احمدی'], ['Mohammadi', 'محمدی'], ['Hosseini', 'حسینی'], ['Rezaei', 'رضایی'], ['Karimi', 'کریمی'],
    ['Rahimi', 'رحیمی'], ['Hashemi', 'هاشمی'], ['Sadeghi', 'صادقی'], ['Jafari', 'جعفری'], ['Azizi', 'عزیزی'],
    ['Noori', 'نوری'], ['Haidari', 'حیدری'], ['Sultani', 'سلطانی'], ['Amiri', 'امیری'], ['Rasuli', 'رسولی'],
    ['Habibi', 'حبیبی'], ['Nazari', 'نظری'], ['Safari', 'صفری'], ['Akbari', 'اکبری'], ['Mousavi', 'موسوی'],
    ['Kazemi', 'کاظمی'], ['Ghasemi', 'قاسمی'], ['Yousefi', 'یوسفی'], ['Samadi', 'صمدی'], ['Stanekzai', 'ستانکزی'],
    ['Wardak', 'وردک'], ['Popalzai', 'پوپلزی'], ['Sharifi', 'شریفی'], ['Naseri', 'ناصری'], ['Qaderi', 'قادری'],
    ['Faizi', 'فیضی'], ['Barakzai', 'بارکزی'],
  ],
};
