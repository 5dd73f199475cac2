/** Static pools the fixtures draw from: names, class titles, class types, discipline labels. */

/** Real instructor names first (accents and an apostrophe included), so joins and CSV names look familiar. */
export const INSTRUCTOR_NAMES: readonly string[] = [
  'Kristin McGee',
  'Denis Morton',
  'Emma Lovewell',
  'Robin Arzón',
  'Anna Greenberg',
  'Aditi Shah',
  'Bradley Rose',
  'Ally Love',
  'Ben Alldis',
  'Kirra Michel',
  'Sam Yo',
  'Kendall Toole',
  'Hannah Frankson',
  'Hannah Corbin',
  'Leanne Hainsby',
  'Ross Rayburn',
  'Olivia Amato',
  'Alex Toussaint',
  'Tunde Oyeneyin',
  'Cody Rigsby',
  'Matt Wilpers',
  'Mariana Fernández',
  'Camila Ramón',
  'Callie Gullickson',
  'Jenn Sherman',
  'Jess Sims',
  'Jess King',
  'Chelsea Jackson Roberts',
  'Nico Sarani',
  'Matty Maggiacomo',
  "Christine D'Ercole",
  'Rad Lopez',
  'Rebecca Kennedy',
  'Susie Chan',
  'Jermaine Johnson',
  'Selena Samuela',
  'Logan Aldridge',
  'Kirsten Ferguson',
];

export const FIRST_NAMES: readonly string[] = [
  'Ava',
  'Bea',
  'Chloé',
  'Dario',
  'Eli',
  'Freya',
  'Gus',
  'Hana',
  'Iker',
  'Jonah',
  'Kai',
  'Lena',
  'Mateo',
  'Nora',
  'Otto',
  'Pía',
  'Quinn',
  'Rosa',
  'Sven',
  'Téa',
  'Uma',
  'Vik',
  'Wren',
  'Yara',
  'Zed',
];

export const LAST_NAMES: readonly string[] = [
  'Adeyemi',
  'Bauer',
  'Castillo',
  "D'Souza",
  'Eriksen',
  'Fontaine',
  'García',
  'Holm',
  'Ibarra',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Müller',
  'Nakamura',
  "O'Neill",
  'Petrov',
  'Quispe',
  'Rossi',
  'Søndergaard',
];

export type Discipline = {
  slug: string;
  display: string;
  /** Title templates: `{min}` becomes the length in minutes. */
  titles: readonly { title: string; type: string }[];
  minutes: readonly number[];
};

export const DISCIPLINES: Record<string, Discipline> = {
  cycling: {
    slug: 'cycling',
    display: 'Cycling',
    minutes: [5, 10, 15, 20, 20, 30, 30, 45, 60],
    titles: [
      { title: '{min} min Power Zone Ride', type: 'Power Zone' },
      { title: '{min} min Power Zone Endurance Ride', type: 'Power Zone' },
      { title: '{min} min HIIT & Hills Ride', type: 'Intervals' },
      { title: '{min} min Tabata Ride', type: 'Intervals' },
      { title: '{min} min Pop Ride', type: 'Music' },
      { title: '{min} min 90s Hip Hop Ride', type: 'Music' },
      { title: '{min} min 2000s Rock Ride', type: 'Music' },
      { title: '{min} min Low Impact Ride', type: 'Low Impact' },
      { title: '{min} min Climb Ride', type: 'Climb' },
      { title: '{min} min Beginner Ride', type: 'Beginner' },
      { title: '{min} min Heart Rate Zone 2 Ride', type: 'Heart Rate Zone' },
    ],
  },
  running: {
    slug: 'running',
    display: 'Running',
    minutes: [10, 20, 30, 45],
    titles: [
      { title: '{min} min Fun Run', type: 'Fun Run' },
      { title: '{min} min Endurance Run', type: 'Endurance' },
      { title: '{min} min HIIT Run', type: 'Intervals' },
    ],
  },
  caesar: {
    slug: 'caesar',
    display: 'Rowing',
    minutes: [10, 15, 20, 30],
    titles: [
      { title: '{min} min Endurance Row', type: 'Endurance' },
      { title: '{min} min Pace Target Row', type: 'Pace Target' },
    ],
  },
  strength: {
    slug: 'strength',
    display: 'Strength',
    minutes: [5, 10, 10, 20, 30],
    titles: [
      { title: '{min} min Core Strength', type: 'Core' },
      { title: '{min} min Full Body Strength', type: 'Full Body' },
      { title: '{min} min Arms & Light Weights', type: 'Arms & Light Weights' },
    ],
  },
  yoga: {
    slug: 'yoga',
    display: 'Yoga',
    minutes: [10, 20, 30, 45, 60],
    titles: [
      { title: '{min} min Yoga Flow', type: 'Flow' },
      { title: '{min} min Slow Flow', type: 'Slow Flow' },
      { title: '{min} min Focus Flow: Hamstrings', type: 'Focus Flow' },
      { title: '{min} min Morning Yoga Flow', type: 'Flow' },
    ],
  },
  meditation: {
    slug: 'meditation',
    display: 'Meditation',
    minutes: [5, 10, 15],
    titles: [
      { title: '{min} min Kindness Meditation', type: 'Mindfulness' },
      { title: '{min} min Sleep Meditation', type: 'Sleep' },
    ],
  },
  stretching: {
    slug: 'stretching',
    display: 'Stretching',
    minutes: [5, 10],
    titles: [
      { title: '{min} min Post-Ride Stretch', type: 'Post-Ride' },
      { title: '{min} min Full Body Stretch', type: 'Full Body' },
    ],
  },
  cardio: {
    slug: 'cardio',
    display: 'Cardio',
    minutes: [10, 20, 30],
    titles: [
      { title: '{min} min Dance Cardio', type: 'Dance Cardio' },
      { title: '{min} min HIIT Cardio', type: 'HIIT' },
    ],
  },
};

/** Titles that break naive CSV writers and spreadsheet imports: quotes, commas, accents, formula prefixes. */
export const AWKWARD_TITLES: readonly { title: string; discipline: string; type: string; minutes: number }[] =
  [
    { title: "30 min 80's Ride", discipline: 'cycling', type: 'Music', minutes: 30 },
    { title: '20 min Rock, Pop & Soul Ride', discipline: 'cycling', type: 'Music', minutes: 20 },
    { title: '45 min "Sweat Your Prayers" Ride', discipline: 'cycling', type: 'Theme', minutes: 45 },
    { title: '20 min Día de los Muertos Ride', discipline: 'cycling', type: 'Theme', minutes: 20 },
    { title: '=SUM(A1) Ride', discipline: 'cycling', type: 'Intervals', minutes: 20 },
    { title: '+1 Ride', discipline: 'cycling', type: 'Music', minutes: 15 },
    { title: '@home Yoga Flow', discipline: 'yoga', type: 'Flow', minutes: 20 },
  ];

/** Scenic rides: `virtual_active` content, no instructor; some are fixed-distance ("None" minutes in the CSV). */
export const SCENIC_RIDES: readonly { title: string; minutes: number; km: number | null }[] = [
  { title: '20 min Veluwe National Park Ride', minutes: 20, km: null },
  { title: '30 min Amalfi Coast Ride', minutes: 30, km: null },
  { title: '5 KM Alaska Lutak Inlet Ride', minutes: 11, km: 5 },
  { title: '10 KM Côte d’Azur Ride', minutes: 22, km: 10 },
];

export const LANEBREAK_TRACKS: readonly { track: string; artist: string }[] = [
  { track: "Don't Stop Me Now", artist: 'Queen' },
  { track: 'Levitating', artist: 'Dua Lipa' },
  { track: 'Titanium', artist: 'David Guetta, Sia' },
];

export const CLASS_TYPE_NAMES: readonly string[] = [
  ...new Set(
    Object.values(DISCIPLINES)
      .flatMap((d) => d.titles.map((t) => t.type))
      .concat(
        AWKWARD_TITLES.map((t) => t.type),
        ['Scenic Ride', 'Lanebreak', 'Warm Up', 'Cool Down', 'Outdoor'],
      ),
  ),
];

export const SONGS: readonly { title: string; artist: string }[] = [
  { title: 'Everybody (Backstreet’s Back)', artist: 'Backstreet Boys' },
  { title: 'Sweet Child O’ Mine', artist: "Guns N' Roses" },
  { title: 'Bad Romance', artist: 'Lady Gaga' },
  { title: 'Mr. Brightside', artist: 'The Killers' },
  { title: 'Waka Waka (Esto es África)', artist: 'Shakira' },
  { title: 'Stronger', artist: 'Kanye West' },
];
