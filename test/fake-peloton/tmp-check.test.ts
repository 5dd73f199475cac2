import { offsetChanges, zoneLabel, offsetSeconds, wallClock, etcZone } from '/work/main/e2e/fake-peloton/time-zones.ts';
import { test } from "vitest"; test("x", () => {});
const c = offsetChanges('America/New_York', Date.UTC(2026,0,1)/1000, Date.UTC(2027,0,1)/1000);
console.log(c.map(x=>new Date(x*1000).toISOString()));
for (const t of [c[1]-1200, c[1]+2400]) console.log(wallClock(t, offsetSeconds('America/New_York', t)), zoneLabel('America/New_York', t));
console.log(zoneLabel('Europe/London', Date.UTC(2026,6,1)/1000), zoneLabel('Etc/GMT+5', 0), etcZone(-18000), zoneLabel(etcZone(3600), 0), zoneLabel('Etc/GMT',0));
console.log(offsetChanges('Europe/London', Date.UTC(2026,0,1)/1000, Date.UTC(2027,0,1)/1000).map(x=>new Date(x*1000).toISOString()));
