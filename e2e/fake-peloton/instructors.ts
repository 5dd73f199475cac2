import { FIRST_NAMES, INSTRUCTOR_NAMES, LAST_NAMES } from './catalog';
import type { Prng } from './prng';

export type InstructorRecord = {
  id: string;
  userId: string;
  name: string;
  firstName: string;
  lastName: string;
  username: string;
  disciplines: string[];
  listOrder: number;
};

const DISCIPLINE_SETS: readonly string[][] = [
  ['cycling'],
  ['cycling', 'strength'],
  ['yoga', 'meditation', 'stretching'],
  ['running', 'walking', 'strength'],
  ['caesar', 'strength'],
  ['cycling', 'yoga', 'stretching', 'cardio'],
  ['strength', 'cardio', 'stretching'],
];

/** The instructor catalogue, in `list_order`; more than 100 by default so a client must page. */
export function generateInstructors(prng: Prng, count: number): InstructorRecord[] {
  const out: InstructorRecord[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = INSTRUCTOR_NAMES[i];
    while (!name || used.has(name)) name = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
    used.add(name);
    const [firstName = name, ...rest] = name.split(' ');
    const lastName = rest.join(' ');
    out.push({
      id: prng.hexId(),
      userId: prng.hexId(),
      name,
      firstName,
      lastName,
      username: name
        .normalize('NFD')
        .replace(/[^A-Za-z ]/g, '')
        .replace(/ /g, '_')
        .toLowerCase(),
      // Every discipline has someone: the first seven instructors take one set each.
      disciplines: [...(DISCIPLINE_SETS[i % DISCIPLINE_SETS.length] ?? ['cycling'])],
      listOrder: i + 1,
    });
  }
  return out;
}

const IMAGE = 'https://workout-metric-images-prod.s3.amazonaws.com';

export function instructorJson(i: InstructorRecord): Record<string, unknown> {
  return {
    id: i.id,
    name: i.name,
    first_name: i.firstName,
    last_name: i.lastName,
    username: i.username,
    user_id: i.userId,
    bio: `${i.firstName} teaches ${i.disciplines.join(', ')} with a "no excuses" attitude.`,
    short_bio: `${i.firstName}'s classes, in short.`,
    quote: 'Let’s go!',
    background: 'Former athlete, forever student.',
    ordered_q_and_as: [['Favorite post-ride snack?', 'Peanut butter & jelly, obviously.']],
    fitness_disciplines: i.disciplines,
    image_url: `${IMAGE}/${i.id}.png`,
    about_image_url: `${IMAGE}/${i.id}-about.png`,
    life_style_image_url: `${IMAGE}/${i.id}-life.png`,
    instructor_hero_image_url: `${IMAGE}/${i.id}-hero.png`,
    web_instructor_list_display_image_url: `${IMAGE}/${i.id}-list.png`,
    jumbotron_url_dark: null,
    jumbotron_url_ios: null,
    spotify_playlist_uri: null,
    instagram_profile: `@${i.username}`,
    twitter_profile: null,
    strava_profile: null,
    facebook_fan_page: null,
    is_visible: true,
    is_filterable: true,
    list_order: i.listOrder,
    featured_profile: i.listOrder <= 10,
    coach_type: 'peloton_coach',
    workout_share_images: [],
  };
}
