/** Names for synthetic staff of German municipalities. */
export const GERMAN_FEMALE_NAMES: readonly string[] = [
  'Anna', 'Julia', 'Laura', 'Lena', 'Sarah', 'Katharina', 'Lisa', 'Johanna', 'Marie', 'Sophie',
  'Hannah', 'Lea', 'Miriam', 'Christina', 'Sabine', 'Petra', 'Claudia', 'Andrea', 'Susanne', 'Nicole',
  'Stefanie', 'Melanie', 'Sandra', 'Kerstin', 'Birgit', 'Heike', 'Carolin', 'Franziska', 'Theresa', 'Jana',
  'Ines', 'Anja', 'Silke', 'Ulrike', 'Annika', 'Vanessa', 'Nadine', 'Katrin', 'Martina', 'Tanja',
];

export const GERMAN_MALE_NAMES: readonly string[] = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Daniel', 'Tobias', 'Jan', 'Matthias',
  'Alexander', 'Sebastian', 'Florian', 'Jonas', 'Lukas', 'David', 'Simon', 'Philipp', 'Benjamin', 'Felix',
  'Frank', 'Jürgen', 'Uwe', 'Ralf', 'Dirk', 'Holger', 'Oliver', 'Martin', 'Peter', 'Klaus',
  'Jens', 'Sven', 'Torsten', 'Kai', 'Timo', 'Moritz', 'Niklas', 'Johannes', 'Paul', 'Fabian',
];

export const GERMAN_FAMILY_NAMES: readonly string[] = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert',
  'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
];
