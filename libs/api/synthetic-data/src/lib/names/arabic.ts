import type { NameGroup } from './name-group';

/** Arabic names (Syria, Iraq) with a common German-passport transliteration. */
export const ARABIC_NAMES: NameGroup = {
  code: 'arabic',
  script: 'Arabic',
  female: [
    ['Fatima', 'فاطمة'], ['Aisha', 'عائشة'], ['Mariam', 'مريم'], ['Noor', 'نور'], ['Layla', 'ليلى'],
    ['Rania', 'رانيا'], ['Hiba', 'هبة'], ['Sara', 'سارة'], ['Amal', 'أمل'], ['Huda', 'هدى'],
    ['Rasha', 'رشا'], ['Dima', 'ديما'], ['Lina', 'لينا'], ['Rana', 'رنا'], ['Salma', 'سلمى'],
    ['Yasmin', 'ياسمين'], ['Zainab', 'زينب'], ['Hanan', 'حنان'], ['Samira', 'سميرة'], ['Nadia', 'نادية'],
    ['Reem', 'ريم'], ['Ghada', 'غادة'], ['Maha', 'مها'], ['Asmaa', 'أسماء'], ['Bushra', 'بشرى'],
    ['Iman', 'إيمان'], ['Lubna', 'لبنى'], ['Duaa', 'دعاء'], ['Widad', 'وداد'], ['Khadija', 'خديجة'],
  ],
  male: [
    ['Mohammed', 'محمد'], ['Ahmad', 'أحمد'], ['Mahmoud', 'محمود'], ['Khaled', 'خالد'], ['Omar', 'عمر'],
    ['Ali', 'علي'], ['Hassan', 'حسن'], ['Hussein', 'حسين'], ['Youssef', 'يوسف'], ['Ibrahim', 'إبراهيم'],
    ['Mustafa', 'مصطفى'], ['Abdullah', 'عبد الله'], ['Bassel', 'باسل'], ['Rami', 'رامي'], ['Samer', 'سامر'],
    ['Tarek', 'طارق'], ['Walid', 'وليد'], ['Ammar', 'عمار'], ['Firas', 'فراس'], ['Majid', 'ماجد'],
    ['Nabil', 'نبيل'], ['Karim', 'كريم'], ['Ziad', 'زياد'], ['Anas', 'أنس'], ['Yasser', 'ياسر'],
    ['Hamza', 'حمزة'], ['Jamal', 'جمال'], ['Adnan', 'عدنان'], ['Faisal', 'فيصل'], ['Salim', 'سليم'],
  ],
  family: [
    ['Al-Ahmad', 'الأحمد'], ['Al-Hassan', 'الحسن'], ['Al-Ali', 'العلي'], ['Al-Khatib', 'الخطيب'], ['Haddad', 'حداد'],
    ['Khalil', 'خليل'], ['Mansour', 'منصور'], ['Nasser', 'ناصر'], ['Saleh', 'صالح'], ['Hamdan', 'حمدان'],
    ['Darwish', 'درويش'], ['Hammoud', 'حمود'], ['Al-Masri', 'المصري'], ['Al-Halabi', 'الحلبي'], ['Al-Shami', 'الشامي'],
    ['Kassem', 'قاسم'], ['Othman', 'عثمان'], ['Abbas', 'عباس'], ['Al-Jabouri', 'الجبوري'], ['Al-Obeidi', 'العبيدي'],
    ['Al-Tamimi', 'التميمي'], ['Al-Dulaimi', 'الدليمي'], ['Al-Rashid', 'الرشيد'], ['Suleiman', 'سليمان'], ['Youssef', 'يوسف'],
    ['Ibrahim', 'إبراهيم'], ['Hussein', 'حسين'], ['Al-Zoubi', 'الزعبي'], ['Shaheen', 'شاهين'], ['Barakat', 'بركات'],
  ],
};
