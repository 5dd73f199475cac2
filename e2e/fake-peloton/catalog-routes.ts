import type { ApiDeps } from './api-routes';
import { type FakeRequest, json, pelotonError, type Route } from './http';
import { instructorJson } from './instructors';
import { drift } from './schema-drift';

function instructorsPage(d: ApiDeps, req: FakeRequest) {
  const q = req.url.searchParams;
  const page = Number.parseInt(q.get('page') ?? '0', 10);
  const limit = Math.min(100, Math.max(1, Number.parseInt(q.get('limit') ?? '100', 10) || 100));
  if (!Number.isInteger(page) || page < 0) return pelotonError(400, 3000, 'Request was invalid');
  const all = d.store.instructors;
  const data = all.slice(page * limit, page * limit + limit).map(instructorJson);
  const pageCount = Math.ceil(all.length / limit);
  const body = {
    data,
    page,
    limit,
    count: data.length,
    total: all.length,
    page_count: pageCount,
    show_previous: page > 0,
    show_next: page < pageCount - 1,
    sort_by: 'list_order',
  };
  return json(200, d.schemaDrift ? drift(body) : body);
}

/** `/api/instructor` (paged, at most 100) and `/api/instructor/{id}`: no sign-in needed, as historically. */
export function catalogRoutes(d: ApiDeps): Route[] {
  return [
    { method: 'GET', pattern: '/api/instructor', handler: (req) => instructorsPage(d, req) },
    {
      method: 'GET',
      pattern: '/api/instructor/{id}',
      handler: (req) => {
        const i = d.store.instructorById.get(req.params.id ?? '');
        if (!i) return pelotonError(404, 3060, 'Instructor does not exist');
        return json(200, d.schemaDrift ? drift(instructorJson(i)) : instructorJson(i));
      },
    },
  ];
}
