import { latinOnly, type NameGroup } from './name-group';

/** Turkish names (Türkiye): Latin script, original = Latin. */
export const TURKISH_NAMES: NameGroup = {
  code: 'turkish',
  script: 'Latin',
  female: latinOnly([
    'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Zehra', 'Sultan',
    'Hanife', 'Merve', 'Özlem', 'Esra', 'Büşra', 'Derya', 'Gül', 'Songül', 'Sevgi', 'Yasemin',
    'Aslı', 'Ebru', 'Gamze', 'Tuğba', 'Pınar', 'Dilek', 'Nur', 'Selin', 'Ceren', 'Melek',
  ]),
  male: latinOnly([
    'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf',
    'Murat', 'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Recep', 'Emre', 'Burak',
    'Serkan', 'Kemal', 'Fatih', 'Cem', 'Onur', 'Volkan', 'Orhan', 'Erdem', 'Barış', 'Tolga',
  ]),
  family: latinOnly([
    'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
    'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek',
    'Polat', 'Korkmaz', 'Karaca', 'Güneş', 'Aksoy', 'Tekin', 'Bulut', 'Acar', 'Ünal', 'Turan',
  ]),
};

/** Kurdish (Kurmanji) names in the Latin Hawar alphabet (Türkiye, Syria). */
export const KURDISH_NAMES: NameGroup = {
  code: 'kurdish',
  script: 'Latin',
  female: latinOnly([
    'Rojda', 'Berfin', 'Dilan', 'Jiyan', 'Nesrîn', 'Ronahî', 'Zozan', 'Bêrîvan', 'Gulistan', 'Hêvî',
    'Evîn', 'Delal', 'Rojîn', 'Sosin', 'Viyan', 'Narîn', 'Nazê', 'Şîrîn', 'Xezal', 'Helîn',
    'Avesta', 'Zelal', 'Leyla', 'Rûken', 'Dilşa',
  ]),
  male: latinOnly([
    'Azad', 'Rojhat', 'Welat', 'Serhat', 'Berzan', 'Dilovan', 'Şiyar', 'Baran', 'Rênas', 'Zana',
    'Heval', 'Çiya', 'Kawa', 'Agir', 'Botan', 'Diyar', 'Ferhad', 'Hogir', 'Karwan', 'Mazlum',
    'Rodî', 'Şêrwan', 'Soran', 'Zinar', 'Bawer',
  ]),
  family: latinOnly([
    'Ekinci', 'Tunç', 'Yaşar', 'Aktaş', 'Özer', 'Baysal', 'Temel', 'Erdem', 'Yavuz', 'Akın',
    'Çiftçi', 'Ateş', 'Avcı', 'Bingöl', 'Berwarî', 'Hesen', 'Îbrahîm', 'Mihemed', 'Xelîl', 'Elî',
    'Osê', 'Şêxo', 'Silêman', 'Reşîd', 'Dağ',
  ]),
};

/** Somali names: Latin script (official Somali orthography); the second name is usually the father's. */
export const SOMALI_NAMES: NameGroup = {
  code: 'somali',
  script: 'Latin',
  female: latinOnly([
    'Fadumo', 'Hodan', 'Amina', 'Asha', 'Halima', 'Hawa', 'Khadija', 'Ayan', 'Sahra', 'Maryan',
    'Ifrah', 'Sagal', 'Hibo', 'Nasra', 'Ubah', 'Idil', 'Deeqa', 'Ladan', 'Hamdi', 'Fartun',
    'Sucdi', 'Ruqiya', 'Nimco', 'Safiya', 'Zamzam', 'Filsan', 'Ilhan', 'Muna', 'Anisa', 'Naima',
  ]),
  male: latinOnly([
    'Mohamed', 'Abdi', 'Ahmed', 'Ali', 'Hassan', 'Abdullahi', 'Omar', 'Ismail', 'Yusuf', 'Abdirahman',
    'Abdiaziz', 'Hussein', 'Ibrahim', 'Osman', 'Farah', 'Mahad', 'Liban', 'Guled', 'Bashir', 'Abdikarim',
    'Mukhtar', 'Hamza', 'Said', 'Jama', 'Warsame', 'Khalid', 'Nuur', 'Yasin', 'Sharmarke', 'Dahir',
  ]),
  family: latinOnly([
    'Mohamed', 'Ali', 'Hassan', 'Abdi', 'Ahmed', 'Farah', 'Warsame', 'Jama', 'Omar', 'Osman',
    'Yusuf', 'Abdullahi', 'Aden', 'Nur', 'Hersi', 'Egal', 'Guled', 'Dirie', 'Samatar', 'Elmi',
    'Mohamud', 'Ismail', 'Duale', 'Barre', 'Awale', 'Hashi', 'Gedi', 'Abdille', 'Muse', 'Isse',
  ]),
};
