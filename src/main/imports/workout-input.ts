/** A workout as an import or a sync produces it, before it is written to the cache. */
export type WorkoutInput = {
  id: string;
  /** The rider's id in the cache, when the caller knows it (a synced Peloton rider, already
   * in the riders table); without it the rider is found, or created, by name. */
  riderId?: string;
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
