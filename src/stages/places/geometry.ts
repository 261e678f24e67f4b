/** Small spherical helpers: distances and moving a point by a distance towards a compass direction. */

const EARTH_KM = 6371;
const RAD = Math.PI / 180;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Unit vector [north, east] of a compass word ("north", "north-east", "southwestern", "central" -> [0, 0]). */
export function directionVector(word: string): readonly [number, number] | null {
  const w = word
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/(?:ern|erly|ward|wards)$/, "");
  let n = 0;
  let e = 0;
  let rest = w;
  if (rest.startsWith("north")) {
    n = 1;
    rest = rest.slice(5);
  } else if (rest.startsWith("south")) {
    n = -1;
    rest = rest.slice(5);
  }
  if (rest === "east") e = 1;
  else if (rest === "west") e = -1;
  else if (rest === "central" || rest === "centr" || rest === "centre") return [0, 0];
  else if (rest !== "") return null;
  if (n === 0 && e === 0) return null;
  const len = Math.hypot(n, e);
  return [n / len, e / len];
}

/** Moves (lat, lon) by `km` along the unit vector [north, east]; keeps the result on the globe. */
export function offset(lat: number, lon: number, vector: readonly [number, number], km: number): { lat: number; lon: number } {
  const dLat = (vector[0] * km) / 111.32;
  const cos = Math.max(0.05, Math.cos(lat * RAD));
  const dLon = (vector[1] * km) / (111.32 * cos);
  let newLon = lon + dLon;
  if (newLon > 180) newLon -= 360;
  if (newLon < -180) newLon += 360;
  const newLat = Math.max(-89.9, Math.min(89.9, lat + dLat));
  return { lat: round(newLat), lon: round(newLon) };
}

export function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
