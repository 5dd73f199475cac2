/** A workout as an import or a sync produces it, before it is written to the cache. */
export type WorkoutInput = {
  id: string;
  riderName: string;
  startTime: number;
  timezone: string | null;
  title: string;
  instructorId: string | null;
  instructor: string | null;
  classType: string;
  rideKind: 'class' | 'lanebreak' | 'scenic' | 'just_ride';
  lengthMin: number;
  outputKj: number;
  status: string;
  source: 'peloton' | 'seed' | 'peloton-export' | 'demo';
  metricsJson: string | null;
  rawJson: string | null;
};
