import { it } from 'vitest';
import { rig } from './kit';
it('debug', async () => {
  const r = await rig({ seed: 11, riders: [{ workouts: 60 }, { workouts: 10 }] });
  console.log(r.fake.accounts.map((a) => r.fake.admin.listWorkouts(a.userId).length));
  const t = r.fake.admin.issueTokens(r.fake.accounts[0]!.email).access_token;
  r.fake.admin.failNext('truncated-json', 1, `/api/user/${r.fake.accounts[0]!.userId}/workout_history_csv`);
  const res = await fetch(`${r.fake.apiUrl}/api/user/${r.fake.accounts[0]!.userId}/workout_history_csv?timezone=UTC`, { headers: { authorization: `Bearer ${t}` } });
  const text = await res.text();
  console.log(res.status, text.length, JSON.stringify(text.slice(-300)));
});
