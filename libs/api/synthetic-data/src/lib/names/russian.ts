import type { NameGroup } from './name-group';

/** Russian names; family names are stored in the male form (-ов/-ев/-ин) and take -а for women. */
export const RUSSIAN_NAMES: NameGroup = {
  code: 'russian',
  script: 'Cyrillic',
  female: [
    ['Elena', 'Елена'], ['Olga', 'Ольга'], ['Tatiana', 'Татьяна'], ['Natalia', 'Наталья'], ['Irina', 'Ирина'],
    ['Svetlana', 'Светлана'], ['Anna', 'Анна'], ['Mariia', 'Мария'], ['Ekaterina', 'Екатерина'], ['Yuliia', 'Юлия'],
    ['Anastasiia', 'Анастасия'], ['Kseniia', 'Ксения'], ['Daria', 'Дарья'], ['Polina', 'Полина'], ['Viktoriia', 'Виктория'],
    ['Alina', 'Алина'], ['Marina', 'Марина'], ['Galina', 'Галина'], ['Liudmila', 'Людмила'], ['Valentina', 'Валентина'],
    ['Nadezhda', 'Надежда'], ['Vera', 'Вера'], ['Larisa', 'Лариса'], ['Oksana', 'Оксана'], ['Evgeniia', 'Евгения'],
    ['Kristina', 'Кристина'], ['Sofia', 'София'], ['Elizaveta', 'Елизавета'], ['Veronika', 'Вероника'], ['Alla', 'Алла'],
  ],
  male: [
    ['Aleksandr', 'Александр'], ['Sergei', 'Сергей'], ['Dmitrii', 'Дмитрий'], ['Andrei', 'Андрей'], ['Aleksei', 'Алексей'],
    ['Maksim', 'Максим'], ['Ivan', 'Иван'], ['Mikhail', 'Михаил'], ['Nikolai', 'Николай'], ['Vladimir', 'Владимир'],
    ['Pavel', 'Павел'], ['Artem', 'Артём'], ['Evgenii', 'Евгений'], ['Roman', 'Роман'], ['Igor', 'Игорь'],
    ['Oleg', 'Олег'], ['Viktor', 'Виктор'], ['Denis', 'Денис'], ['Anton', 'Антон'], ['Kirill', 'Кирилл'],
    ['Ilia', 'Илья'], ['Iurii', 'Юрий'], ['Konstantin', 'Константин'], ['Vadim', 'Вадим'], ['Stanislav', 'Станислав'],
    ['Timur', 'Тимур'], ['Ruslan', 'Руслан'], ['Grigorii', 'Григорий'], ['Boris', 'Борис'], ['Leonid', 'Леонид'],
  ],
  family: [
    ['Ivanov', 'Иванов'], ['Smirnov', 'Смирнов'], ['Kuznetsov', 'Кузнецов'], ['Popov', 'Попов'], ['Vasiliev', 'Васильев'],
    ['Petrov', 'Петров'], ['Sokolov', 'Соколов'], ['Mikhailov', 'Михайлов'], ['Novikov', 'Новиков'], ['Fedorov', 'Федоров'],
    ['Morozov', 'Морозов'], ['Volkov', 'Волков'], ['Alekseev', 'Алексеев'], ['Lebedev', 'Лебедев'], ['Semenov', 'Семенов'],
    ['Egorov', 'Егоров'], ['Pavlov', 'Павлов'], ['Kozlov', 'Козлов'], ['Stepanov', 'Степанов'], ['Nikolaev', 'Николаев'],
    ['Orlov', 'Орлов'], ['Andreev', 'Андреев'], ['Makarov', 'Макаров'], ['Nikitin', 'Никитин'], ['Zakharov', 'Захаров'],
    ['Zaitsev', 'Зайцев'], ['Soloviev', 'Соловьев'], ['Borisov', 'Борисов'], ['Iakovlev', 'Яковлев'], ['Grigoriev', 'Григорьев'],
  ],
  femaleFamilySuffix: ['a', 'а'],
};
