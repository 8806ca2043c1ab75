/**
 * The 2025 reorganisation, for province pages: which 2021 provinces a 2025 province absorbed,
 * and which 2025 province a 2021 province is now part of. Data from src/lib/provinces.ts
 * (`successor2025`); "Huế" is the 2025 name of Thừa Thiên Huế.
 */
import { PROVINCES, findProvince, sortProvinces, type Province } from '../provinces.ts';

/** The 2021 province a 2025 name stands for ("Huế" -> Thừa Thiên Huế), if any. */
export function province2021Of2025(name: string): Province | undefined {
  return PROVINCES.find((p) => p.name === name) ?? findProvince(name);
}

/** The other 2021 provinces merged into this one in 2025 (empty when it absorbed none or was itself merged). */
export function absorbedProvinces(p: Province): Province[] {
  if (p.merged2025 && province2021Of2025(p.successor2025)?.name !== p.name) return [];
  return sortProvinces(PROVINCES.filter((q) => q.name !== p.name && q.successor2025 === p.successor2025));
}

/** The 2021 province page a merged province now belongs to (Vĩnh Phúc -> Phú Thọ). */
export function successorProvince(p: Province): Province | undefined {
  if (!p.merged2025) return undefined;
  const s = province2021Of2025(p.successor2025);
  return s && s.name !== p.name ? s : undefined;
}

/** The 2025 name of a 2021 province ("Vĩnh Phúc" -> "Phú Thọ"), for data exports. */
export function province2025(name: string): string {
  return findProvince(name)?.successor2025 ?? name;
}
