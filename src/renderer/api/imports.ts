import type { ImportResult } from '../../shared/model';
import { call } from './client';

// The first run's ways in that are not sign-in: a CSV the page read (a page cannot
// hand the main side a path, so the file's text travels) and generated demo data.

export type { ImportResult };

export type ImportCsvInput = { fileName: string; text: string; rider?: string };

export function importCsv(input: ImportCsvInput): Promise<ImportResult> {
  return call('imports:csv', input);
}

export function loadDemo(): Promise<{ workouts: number }> {
  return call('demo:load');
}

export function removeDemo(): Promise<{ removed: number }> {
  return call('demo:remove');
}
