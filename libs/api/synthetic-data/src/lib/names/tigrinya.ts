import type { NameGroup } from './name-group';

/**
 * Tigrinya names (Eritrea) in Ge'ez script. Eritreans carry no family name;
 * the second name is the father's given name, so "family" lists those.
 */
export const TIGRINYA_NAMES: NameGroup = {
  code: 'tigrinya',
  script: 'Ethiopic',
  female: [
    ['Selam', 'ሰላም'], ['Senait', 'ሰናይት'], ['Saba', 'ሳባ'], ['Ruth', 'ሩት'], ['Hiwet', 'ሕይወት'],
    ['Luwam', 'ሉዋም'], ['Yodit', 'ዮዲት'], ['Eden', 'ኤደን'], ['Feven', 'ፌቨን'], ['Rahel', 'ራሄል'],
    ['Tsega', 'ጸጋ'], ['Mihret', 'ምሕረት'], ['Winta', 'ዊንታ'], ['Almaz', 'ኣልማዝ'], ['Azeb', 'ኣዜብ'],
    ['Tirhas', 'ትርሓስ'], ['Meron', 'ሜሮን'], ['Sara', 'ሳራ'], ['Hanna', 'ሓና'], ['Freweyni', 'ፍረወይኒ'],
    ['Nardos', 'ናርዶስ'], ['Betelhem', 'ቤተልሄም'], ['Abrehet', 'ኣብረኸት'], ['Elsa', 'ኤልሳ'], ['Samrawit', 'ሳምራዊት'],
    ['Yordanos', 'ዮርዳኖስ'], ['Rigbe', 'ርግበ'], ['Tsegereda', 'ጽገረዳ'], ['Helen', 'ሄለን'], ['Kidisti', 'ቅድስቲ'],
  ],
  male: [
    ['Yonas', 'ዮናስ'], ['Tesfay', 'ተስፋይ'], ['Mehari', 'መሓሪ'], ['Yemane', 'የማነ'], ['Berhane', 'ብርሃነ'],
    ['Tekle', 'ተኽለ'], ['Haile', 'ሃይለ'], ['Kidane', 'ኪዳነ'], ['Samuel', 'ሳሙኤል'], ['Daniel', 'ዳኒኤል'],
    ['Yohannes', 'ዮሃንስ'], ['Filmon', 'ፊልሞን'], ['Robel', 'ሮቤል'], ['Abel', 'ኣቤል'], ['Aron', 'ኣሮን'],
    ['Biniam', 'ብንያም'], ['Dawit', 'ዳዊት'], ['Efrem', 'ኤፍሬም'], ['Habtom', 'ሃብቶም'], ['Kibrom', 'ክብሮም'],
    ['Mussie', 'ሙሴ'], ['Natnael', 'ናትናኤል'], ['Semere', 'ሰመረ'], ['Senay', 'ሰናይ'], ['Teklay', 'ተኽላይ'],
    ['Amanuel', 'ኣማኑኤል'], ['Goitom', 'ጎይቶም'], ['Henok', 'ሄኖክ'], ['Merhawi', 'መርሃዊ'], ['Fitsum', 'ፍጹም'],
  ],
  family: [
    ['Tesfamariam', 'ተስፋማርያም'], ['Ghebreyesus', 'ገብረየሱስ'], ['Habtemariam', 'ሃብተማርያም'], ['Tesfay', 'ተስፋይ'],
    ['Kidane', 'ኪዳነ'], ['Berhane', 'ብርሃነ'], ['Tekle', 'ተኽለ'], ['Haile', 'ሃይለ'], ['Yemane', 'የማነ'],
    ['Mehari', 'መሓሪ'], ['Abraha', 'ኣብርሃ'], ['Gebremichael', 'ገብረሚካኤል'], ['Woldu', 'ወልዱ'], ['Asmerom', 'ኣስመሮም'],
    ['Negash', 'ነጋሽ'], ['Tewelde', 'ተወልደ'], ['Mebrahtu', 'መብራህቱ'], ['Zerai', 'ዘርኣይ'], ['Solomon', 'ሰሎሞን'],
    ['Ghirmay', 'ግርማይ'], ['Fesehaye', 'ፍስሃየ'], ['Tsegay', 'ጸጋይ'], ['Weldemichael', 'ወልደሚካኤል'], ['Hagos', 'ሓጎስ'],
    ['Mengisteab', 'መንግስትኣብ'], ['Isaak', 'ይስሃቅ'],
  ],
};
