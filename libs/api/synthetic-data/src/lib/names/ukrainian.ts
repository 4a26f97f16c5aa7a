import type { NameGroup } from './name-group';

/** Ukrainian names in the official (2010) national transliteration; family names are gender-invariant. */
export const UKRAINIAN_NAMES: NameGroup = {
  code: 'ukrainian',
  script: 'Cyrillic',
  female: [
    ['Olena', 'Олена'], ['Nataliia', 'Наталія'], ['Iryna', 'Ірина'], ['Tetiana', 'Тетяна'], ['Svitlana', 'Світлана'],
    ['Oksana', 'Оксана'], ['Yuliia', 'Юлія'], ['Kateryna', 'Катерина'], ['Anastasiia', 'Анастасія'], ['Mariia', 'Марія'],
    ['Olha', 'Ольга'], ['Liudmyla', 'Людмила'], ['Halyna', 'Галина'], ['Viktoriia', 'Вікторія'], ['Alina', 'Аліна'],
    ['Dariia', 'Дарія'], ['Khrystyna', 'Христина'], ['Sofiia', 'Софія'], ['Yana', 'Яна'], ['Inna', 'Інна'],
    ['Larysa', 'Лариса'], ['Nadiia', 'Надія'], ['Valentyna', 'Валентина'], ['Hanna', 'Ганна'], ['Zoriana', 'Зоряна'],
    ['Solomiia', 'Соломія'], ['Vira', 'Віра'], ['Liliia', 'Лілія'], ['Oleksandra', 'Олександра'], ['Yevheniia', 'Євгенія'],
  ],
  male: [
    ['Oleksandr', 'Олександр'], ['Andrii', 'Андрій'], ['Dmytro', 'Дмитро'], ['Serhii', 'Сергій'], ['Volodymyr', 'Володимир'],
    ['Mykola', 'Микола'], ['Ivan', 'Іван'], ['Oleh', 'Олег'], ['Yurii', 'Юрій'], ['Viktor', 'Віктор'],
    ['Vasyl', 'Василь'], ['Petro', 'Петро'], ['Taras', 'Тарас'], ['Bohdan', 'Богдан'], ['Maksym', 'Максим'],
    ['Artem', 'Артем'], ['Denys', 'Денис'], ['Ihor', 'Ігор'], ['Roman', 'Роман'], ['Pavlo', 'Павло'],
    ['Mykhailo', 'Михайло'], ['Yevhen', 'Євген'], ['Vitalii', 'Віталій'], ['Anatolii', 'Анатолій'], ['Ostap', 'Остап'],
    ['Yaroslav', 'Ярослав'], ['Stepan', 'Степан'], ['Vadym', 'Вадим'], ['Kostiantyn', 'Костянтин'], ['Ruslan', 'Руслан'],
  ],
  family: [
    ['Shevchenko', 'Шевченко'], ['Kovalenko', 'Коваленко'], ['Bondarenko', 'Бондаренко'], ['Tkachenko', 'Ткаченко'],
    ['Kravchenko', 'Кравченко'], ['Melnyk', 'Мельник'], ['Boiko', 'Бойко'], ['Kovalchuk', 'Ковальчук'],
    ['Oliinyk', 'Олійник'], ['Shevchuk', 'Шевчук'], ['Polishchuk', 'Поліщук'], ['Tkachuk', 'Ткачук'],
    ['Marchenko', 'Марченко'], ['Lysenko', 'Лисенко'], ['Rudenko', 'Руденко'], ['Savchenko', 'Савченко'],
    ['Petrenko', 'Петренко'], ['Klymenko', 'Клименко'], ['Pavlenko', 'Павленко'], ['Moroz', 'Мороз'],
    ['Kravets', 'Кравець'], ['Honcharenko', 'Гончаренко'], ['Levchenko', 'Левченко'], ['Kharchenko', 'Харченко'],
    ['Sydorenko', 'Сидоренко'], ['Hnatiuk', 'Гнатюк'], ['Romaniuk', 'Романюк'], ['Savchuk', 'Савчук'],
    ['Lytvynenko', 'Литвиненко'], ['Ponomarenko', 'Пономаренко'],
  ],
};
