import type { Session } from 'electron';

/**
 * Spoke needs no camera, microphone, geolocation, notifications, clipboard
 * reads, HID or serial devices: every request and check is refused, so a page
 * that got into the window cannot use them either.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
