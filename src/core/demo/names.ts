/**
 * Names for the synthetic NTT province: given names as children in Nusa Tenggara Timur are
 * named today (mostly Catholic or Protestant baptismal names and modern Indonesian names, some
 * Muslim names, more of them in Ende, Alor, Flores Timur, Lembata, Manggarai Barat and Kota
 * Kupang) and family names typical of each island's peoples: Atoni (Dawan) and Tetun in Timor,
 * Rote, Sabu, Alor, Lamaholot (Flores Timur, Lembata), Sikka, Ende-Lio, Ngada-Nagekeo,
 * Manggarai and Sumba. Every name is invented by combination: none is a real person's record.
 * Posyandu take the flower and virtue names real posyandu use (Mawar, Melati, Kasih Ibu …) and
 * the NTT ones (Cendana, Lontar, Nekmese).
 */

/** The naming areas of NTT, by the peoples of each kabupaten. */
export type NamingArea =
  | 'timor'
  | 'tetun'
  | 'rote'
  | 'sabu'
  | 'alor'
  | 'lamaholot'
  | 'sikka'
  | 'ende'
  | 'ngada'
  | 'manggarai'
  | 'sumba';

// prettier-ignore
export const BOY_NAMES: readonly string[] = [
  'Yohanes', 'Fransiskus', 'Petrus', 'Paulus', 'Yosef', 'Markus', 'Agustinus', 'Antonius',
  'Aloysius', 'Kristoforus', 'Yeremias', 'Yakobus', 'Mikael', 'Gabriel', 'Rafael', 'Stefanus',
  'Dominikus', 'Benediktus', 'Emanuel', 'Marselinus', 'Vinsensius', 'Yohanis', 'Daniel', 'Samuel',
  'Yonatan', 'Imanuel', 'Melkianus', 'Ferdinandus', 'Arnoldus', 'Gregorius', 'Hironimus',
  'Kornelis', 'Lukas', 'Matius', 'Nikolaus', 'Robertus', 'Servasius', 'Valentino', 'Wilhelmus',
  'Alfonsus', 'Evan', 'Kevin', 'Jefri', 'Deni', 'Rio', 'Aldo', 'Jeremi', 'Gilbert', 'Febrian',
  'Rendi', 'Marvel', 'Kenzo', 'Elvano', 'Kristian', 'Gerald', 'Jordi', 'Ronaldo', 'Delvin',
  'Jeferson', 'Alvaro', 'Arsen', 'Yosua', 'Nathan', 'Feliks', 'Oktavianus', 'Selestinus',
  'Kasimirus', 'Apolonius', 'Bonifasius', 'Rikardus', 'Januarius', 'Ignasius',
];

// prettier-ignore
export const GIRL_NAMES: readonly string[] = [
  'Maria', 'Yuliana', 'Agustina', 'Theresia', 'Veronika', 'Angelina', 'Margareta', 'Oktaviana',
  'Natalia', 'Kristina', 'Imelda', 'Yasinta', 'Florentina', 'Selvina', 'Aurelia', 'Gracia',
  'Yesika', 'Vania', 'Keysha', 'Bernadeta', 'Fransiska', 'Elisabeth', 'Katarina', 'Regina',
  'Priska', 'Sisilia', 'Marselina', 'Anjelina', 'Yohana', 'Rosalia', 'Dorotea', 'Emiliana',
  'Serafina', 'Klara', 'Lusia', 'Marta', 'Ester', 'Debora', 'Rut', 'Naomi', 'Yuliani', 'Febiola',
  'Chelsea', 'Cantika', 'Aprilia', 'Desi', 'Mirna', 'Sintia', 'Novita', 'Stevani', 'Adelia',
  'Kornelia', 'Yustina', 'Paskalia', 'Getrudis', 'Konstantia', 'Benedikta', 'Aleksandra',
  'Grasela', 'Meliana', 'Olivia', 'Jeni', 'Ivana', 'Vivian', 'Tiara', 'Nadia', 'Helena',
];

// prettier-ignore
export const MUSLIM_BOY_NAMES: readonly string[] = [
  'Muhammad', 'Ahmad', 'Abdul', 'Ibrahim', 'Ismail', 'Yusuf', 'Hamzah', 'Rizky', 'Fajar', 'Arif',
  'Ilham', 'Hasan', 'Fikri', 'Rafi', 'Zaki', 'Alif', 'Syahrul', 'Ridwan', 'Akbar', 'Fahri',
];

// prettier-ignore
export const MUSLIM_GIRL_NAMES: readonly string[] = [
  'Siti', 'Nur', 'Aisyah', 'Fatimah', 'Nurul', 'Putri', 'Zahra', 'Aulia', 'Salsabila', 'Nabila',
  'Halima', 'Rahma', 'Annisa', 'Khadijah', 'Safira', 'Nayla', 'Azzahra', 'Hafsah',
];

/** Mothers' given names: one generation older. */
// prettier-ignore
export const MOTHER_NAMES: readonly string[] = [
  'Maria', 'Yuliana', 'Agustina', 'Theresia', 'Veronika', 'Margareta', 'Oktaviana', 'Kristina',
  'Imelda', 'Yasinta', 'Florentina', 'Bernadeta', 'Fransiska', 'Elisabeth', 'Katarina', 'Regina',
  'Sisilia', 'Marselina', 'Yohana', 'Rosalia', 'Dorotea', 'Emiliana', 'Serafina', 'Lusia', 'Marta',
  'Ester', 'Debora', 'Naomi', 'Yuliani', 'Desi', 'Mirna', 'Novita', 'Yustina', 'Paskalia',
  'Getrudis', 'Benedikta', 'Meliana', 'Helena', 'Adriana', 'Hendrika', 'Antonia', 'Wilhelmina',
  'Petronela', 'Kornelia', 'Marice', 'Dortia', 'Orpa', 'Yakomina', 'Salomi', 'Ferderika',
  'Magdalena', 'Susana', 'Sofia', 'Elfrida', 'Lodia', 'Yermina', 'Apriana',
];

// prettier-ignore
export const MUSLIM_MOTHER_NAMES: readonly string[] = [
  'Siti', 'Nur', 'Aisyah', 'Fatimah', 'Nurhayati', 'Halimah', 'Rahmawati', 'Sitti', 'Maimunah',
  'Hasnah', 'Jamila', 'Salma', 'Zainab', 'Rukmini', 'Mariam',
];

/** Second given names, for the many children with two (Maria Angelina, Yohanes Kristian). */
// prettier-ignore
export const SECOND_BOY_NAMES: readonly string[] = [
  'Kristian', 'Febrian', 'Putra', 'Aditya', 'Saputra', 'Pratama', 'Mario', 'Rio', 'Dwi', 'Juan',
  'Rafael', 'Valentino', 'Angelo', 'Enrico', 'Kevin', 'Reinaldo',
];

// prettier-ignore
export const SECOND_GIRL_NAMES: readonly string[] = [
  'Angelina', 'Putri', 'Natalia', 'Kristin', 'Aprilia', 'Lestari', 'Dewi', 'Ayu', 'Maria',
  'Oktavia', 'Yunita', 'Gabriela', 'Lorensia', 'Felisitas',
];

/** Family names by naming area. */
// prettier-ignore
export const FAMILY_NAMES: Readonly<Record<NamingArea, readonly string[]>> = {
  timor: [
    'Nope', 'Tanesib', 'Benu', 'Tefa', 'Selan', 'Nubatonis', 'Taneo', 'Sanam', 'Oematan', 'Bani',
    'Kase', 'Boimau', 'Nomleni', 'Tanaem', 'Neonufa', 'Nenabu', 'Kolo', 'Taek', 'Sila', 'Naitboho',
    'Lake', 'Nitbani', 'Ataupah', 'Tlonaen', 'Banunaek', 'Nakmofa', 'Snae', 'Tamelab', 'Oenunu',
    'Sakan', 'Kefi', 'Amtiran', 'Tualaka', 'Abi', 'Usfinit', 'Bais', 'Fallo', 'Mnune', 'Naisoko',
    'Tafuli',
  ],
  tetun: [
    'Seran', 'Bria', 'Klau', 'Nahak', 'Mau', 'Bere', 'Luan', 'Tae', 'Asa', 'Atok', 'Leki', 'Berek',
    'Hale', 'Fahik', 'Manek', 'Taolin', 'Tahu', 'Fouk', 'Kehi', 'Bau', 'Kali', 'Mali', 'Bele',
    'da Costa', 'Amaral', 'Ximenes', 'Soares', 'dos Santos', 'Pereira', 'Gusmao',
  ],
  rote: [
    'Ndoen', 'Ndolu', 'Pello', 'Dethan', 'Manafe', 'Tungga', 'Foeh', 'Lenggu', 'Henukh',
    'Fanggidae', 'Mesakh', 'Zacharias', 'Pah', 'Nalle', 'Lona', 'Mbatu', 'Ndun', 'Haning',
    'Saudale', 'Adu', 'Ballo', 'Pellondou', 'Kiuk', 'Tasi', 'Boeky', 'Lusi',
  ],
  sabu: [
    'Bire', 'Lado', 'Dju', 'Kale', 'Riwu', 'Ratu', 'Hede', 'Wadu', 'Djami', 'Lay', 'Tede', 'Ludji',
    'Dimu', 'Koreh', 'Pono', 'Mone', 'Huma', 'Radja', 'Haba', 'Kore', 'Bengu', 'Kana', 'Talo',
    'Lobo', 'Wila', 'Lomi', 'Manu',
  ],
  alor: [
    'Maro', 'Lakamau', 'Mautuka', 'Tanglaa', 'Malaikosa', 'Lapenangga', 'Mokoni', 'Kolly',
    'Laukafola', 'Djahamou', 'Maure', 'Tulimau', 'Kafolamau', 'Atapada', 'Bella', 'Lelang',
    'Blegur', 'Kamahi', 'Lanma', 'Retebana', 'Mallaka', 'Padabang',
  ],
  lamaholot: [
    'Kelen', 'Koten', 'Hurint', 'Liwun', 'Tukan', 'Hayon', 'Keraf', 'Wutun', 'Beda', 'Muda', 'Ola',
    'Maran', 'Tapun', 'Kolin', 'Lein', 'Boli', 'Lamanepa', 'Werang', 'Laot', 'Tokan', 'Raring',
    'Sogen', 'Making', 'Ruron', 'Koban', 'Manuk', 'Sabon', 'Uran', 'Lelaona', 'Bataona', 'Tupen',
    'Buran',
  ],
  sikka: [
    'Parera', 'da Silva', 'da Cunha', 'Fernandez', 'Ximenes', 'Diaz', 'Mitan', 'Nong', 'Moat',
    'Gego', 'Bera', 'Wodon', 'Lering', 'Sareng', 'Gleko', 'Dua', 'Kleden', 'Wera', 'Pareira',
    'Juang', 'Woda', 'Tapo',
  ],
  ende: [
    'Wangge', 'Mbete', 'Gadi', 'Djawa', 'Rangga', 'Pali', 'Sare', 'Mosa', 'Nggebu', 'Wonda',
    'Keta', 'Bata', 'Djara', 'Mbira', 'Nuwa', 'Ndona', 'Mite', 'Ruma', 'Sina', 'Wau', 'Ndopo',
    'Kapa', 'Reda', 'Bewa', 'Mari', 'Lewa', 'Wadi',
  ],
  ngada: [
    'Bhara', 'Wea', 'Bupu', 'Dhosa', 'Meo', 'Lowa', 'Wawo', 'Ngole', 'Bule', 'Bena', 'Laja', 'Nua',
    'Sowo', 'Bhoko', 'Dhiu', 'Lengo', 'Dopo', 'Rani', 'Goa', 'Mesi', 'Mere', 'Seda', 'Bai',
    'Ghera', 'Dhae', 'Kaju',
  ],
  manggarai: [
    'Jemarut', 'Sambut', 'Mbaut', 'Nggarang', 'Dasing', 'Nahur', 'Dangku', 'Damu', 'Jehadu',
    'Jemadu', 'Jelamu', 'Dagur', 'Lalong', 'Jempau', 'Angkur', 'Hamat', 'Jegaut', 'Gunur', 'Ndung',
    'Jehaun', 'Jahang', 'Nggoro', 'Mahur', 'Jebarus', 'Mantur', 'Bagung', 'Tanggur', 'Rampung',
    'Dangur', 'Jemali',
  ],
  sumba: [
    'Hamba', 'Kapita', 'Ndena', 'Lende', 'Malo', 'Bili', 'Dangu', 'Wora', 'Ngongo', 'Kaka', 'Lede',
    'Tanggu', 'Pari', 'Kondi', 'Ndapa', 'Hingu', 'Rihi', 'Lunggi', 'Taka', 'Ngara', 'Tagu', 'Lero',
    'Bulu', 'Rowa', 'Wunda', 'Maramba', 'Deta', 'Lewu', 'Kaborang', 'Dapa', 'Bora', 'Talu',
    'Nggiku', 'Mete', 'Rato', 'Kahi',
  ],
};

/**
 * Naming areas of each NTT kabupaten/kota (by code) with their weights, and the share of
 * Muslim given names (rough, for variety; not a census figure). Kota Kupang mixes every
 * island's families.
 */
// prettier-ignore
export const KABUPATEN_NAMING: Readonly<
  Record<string, { areas: readonly [NamingArea, number][]; muslimShare: number }>
> = {
  '5301': {
    areas: [
      ['timor', 8],
      ['rote', 1],
      ['sabu', 1],
    ],
    muslimShare: 0.03,
  },
  '5302': { areas: [['timor', 1]], muslimShare: 0.02 },
  '5303': {
    areas: [
      ['timor', 9],
      ['tetun', 1],
    ],
    muslimShare: 0.02,
  },
  '5304': {
    areas: [
      ['tetun', 8],
      ['timor', 2],
    ],
    muslimShare: 0.03,
  },
  '5305': { areas: [['alor', 1]], muslimShare: 0.25 },
  '5306': { areas: [['lamaholot', 1]], muslimShare: 0.25 },
  '5307': { areas: [['sikka', 1]], muslimShare: 0.07 },
  '5308': { areas: [['ende', 1]], muslimShare: 0.3 },
  '5309': { areas: [['ngada', 1]], muslimShare: 0.03 },
  '5310': { areas: [['manggarai', 1]], muslimShare: 0.05 },
  '5311': { areas: [['sumba', 1]], muslimShare: 0.05 },
  '5312': { areas: [['sumba', 1]], muslimShare: 0.05 },
  '5313': { areas: [['lamaholot', 1]], muslimShare: 0.2 },
  '5314': { areas: [['rote', 1]], muslimShare: 0.02 },
  '5315': { areas: [['manggarai', 1]], muslimShare: 0.2 },
  '5316': { areas: [['ngada', 1]], muslimShare: 0.1 },
  '5317': { areas: [['sumba', 1]], muslimShare: 0.02 },
  '5318': { areas: [['sumba', 1]], muslimShare: 0.05 },
  '5319': { areas: [['manggarai', 1]], muslimShare: 0.05 },
  '5320': { areas: [['sabu', 1]], muslimShare: 0.02 },
  '5321': { areas: [['tetun', 1]], muslimShare: 0.02 },
  '5371': {
    areas: [
      ['timor', 4],
      ['rote', 2],
      ['sabu', 2],
      ['tetun', 1],
      ['alor', 1],
      ['lamaholot', 1],
      ['sikka', 1],
      ['ende', 1],
      ['ngada', 1],
      ['manggarai', 1],
      ['sumba', 1],
    ],
    muslimShare: 0.12,
  },
};

/** Naming for a kabupaten outside the table (another province): every area, few Muslim names. */
export const DEFAULT_NAMING: { areas: readonly [NamingArea, number][]; muslimShare: number } = {
  areas: (Object.keys(FAMILY_NAMES) as NamingArea[]).map((area) => [area, 1]),
  muslimShare: 0.1,
};

/** Names posyandu take (several per desa get different ones). */
// prettier-ignore
export const POSYANDU_NAMES: readonly string[] = [
  'Mawar', 'Melati', 'Anggrek', 'Kenanga', 'Dahlia', 'Flamboyan', 'Cempaka', 'Seroja', 'Teratai',
  'Bougenville', 'Kamboja', 'Asoka', 'Cendana', 'Lontar', 'Kasih Ibu', 'Kasih Sayang',
  'Harapan Bunda', 'Tunas Harapan', 'Bina Sehat', 'Sejahtera', 'Nusa Indah', 'Matahari',
  'Bintang Timur', 'Pelangi', 'Kemuning', 'Lestari', 'Damai', 'Sukacita', 'Sumber Kasih',
  'Permata Hati', 'Mutiara', 'Bahagia', 'Nekmese', 'Lopo Sehat', 'Cinta Kasih', 'Sehati',
];

/** Sumba's noble-class prefixes (Umbu for boys, Rambu for girls), common in East Sumba. */
export const SUMBA_PREFIX = { boy: 'Umbu', girl: 'Rambu' } as const;
