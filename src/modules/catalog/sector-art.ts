import { sectorTaxonomy } from "./sectors";

/**
 * A sector's illustration, shown where a product has no photo: the sector's colour woven into a pattern of its own
 * (a different motif per sector), without words, so that it reads the same in every language. SVG, 400×300.
 */
export function sectorArt(code: string | null): string {
  const index = Math.max(
    0,
    sectorTaxonomy.findIndex((s) => s.code === code),
  );
  const color = sectorTaxonomy[index]?.color ?? "#6b6b6b";
  const motif = [
    // stripes, diamonds, rings, lattice, dots: five motifs, turned for the next five
    `<path d="M0 10h20" stroke="#fff" stroke-opacity=".35" stroke-width="6"/>`,
    `<path d="M10 0l10 10-10 10L0 10z" fill="#fff" fill-opacity=".3"/>`,
    `<circle cx="10" cy="10" r="6" fill="none" stroke="#fff" stroke-opacity=".4" stroke-width="2.5"/>`,
    `<path d="M0 0l20 20M20 0L0 20" stroke="#fff" stroke-opacity=".3" stroke-width="2"/>`,
    `<circle cx="10" cy="10" r="3.5" fill="#fff" fill-opacity=".45"/>`,
  ][index % 5];
  const turn = index >= 5 ? 45 * (1 + Math.floor(index / 5)) : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" role="img">
<defs><pattern id="m" width="20" height="20" patternUnits="userSpaceOnUse" patternTransform="rotate(${turn})">${motif}</pattern></defs>
<rect width="400" height="300" fill="${color}"/>
<rect width="400" height="300" fill="url(#m)"/>
<circle cx="200" cy="150" r="78" fill="${color}" stroke="#fff" stroke-opacity=".8" stroke-width="6"/>
<circle cx="200" cy="150" r="52" fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="3" stroke-dasharray="8 6"/>
</svg>`;
}
