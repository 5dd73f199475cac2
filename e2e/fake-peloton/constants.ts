/** Peloton's auth constants (peloton-api.md 1.3 and 1.4), as the fake checks them. */
export const WEB_CLIENT_ID = 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM';
export const MOBILE_CLIENT_ID = 'mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS';
export const AUDIENCE = 'https://api.onepeloton.com/';
export const WEB_SCOPE = 'offline_access openid peloton-api.members:default';
export const REDIRECT_URI = 'https://members.onepeloton.com/callback';
export const TENANT = 'peloton-prod';
export const CONNECTION = 'pelo-user-password';
export const USER_ID_CLAIM = 'http://onepeloton.com/user_id';
export const JUST_RIDE_ID = '00000000000000000000000000000000';
/** 2026-11-20T23:40:00Z: the default newest workout, an evening ride in New York that ends past UTC midnight. */
export const DEFAULT_NEWEST_AT = 1795218000;
