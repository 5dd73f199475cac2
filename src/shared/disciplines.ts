/**
 * Peloton's `fitness_discipline` slugs whose name in Peloton's apps and CSV export
 * is not the slug spelled out (peloton-api.md section 2): the tread bootcamp is
 * `circuit`, the rower `caesar`. The export writes these names, the renderer shows them.
 */
export const RENAMED_DISCIPLINES: Readonly<Record<string, string>> = {
  circuit: 'Bootcamp',
  caesar: 'Rowing',
  caesar_bootcamp: 'Row Bootcamp',
};
