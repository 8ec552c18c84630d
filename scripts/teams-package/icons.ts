/**
 * Setwise's two Teams icons, drawn in code: six members in a ring around the one who
 * presents. The colour icon is 192×192 on an opaque background; the outline icon is
 * 32×32, white on transparent, as Teams requires. `npm run teams:icons` redraws
 * teams/color.png and teams/outline.png.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png';

interface Disc {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly colour: readonly [number, number, number];
}

/** The discs of the design in a unit square: a ring of six, and one in the middle. */
function design(ring: readonly [number, number, number], centre: readonly [number, number, number]): Disc[] {
  const members = Array.from({ length: 6 }, (_, i) => {
    const angle = (i / 6) * 2 * Math.PI - Math.PI / 2;
    return { x: 0.5 + 0.32 * Math.cos(angle), y: 0.5 + 0.32 * Math.sin(angle), r: 0.1, colour: ring };
  });
  return [...members, { x: 0.5, y: 0.5, r: 0.15, colour: centre }];
}

/** Draws discs on a square of `size` pixels, antialiased by 4×4 samples a pixel. */
function draw(size: number, discs: readonly Disc[], background: readonly [number, number, number, number]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const hit = discs.find((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= d.r ** 2);
          const [cr, cg, cb, ca] = hit ? [...hit.colour, 255] : background;
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      pixels[i + 3] = Math.round(a / samples ** 2);
      // Colour un-premultiplied: a half-covered edge pixel of a white disc is still white.
      if (a > 0) [pixels[i], pixels[i + 1], pixels[i + 2]] = [Math.round(r / a), Math.round(g / a), Math.round(b / a)];
    }
  }
  return pixels;
}

const WHITE = [255, 255, 255] as const;
export const colourIcon = (): Buffer => encodePng(192, 192, draw(192, design(WHITE, [245, 183, 49]), [31, 94, 120, 255]));
export const outlineIcon = (): Buffer => encodePng(32, 32, draw(32, design(WHITE, WHITE), [255, 255, 255, 0]));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../../teams/', import.meta.url));
  writeFileSync(`${dir}color.png`, colourIcon());
  writeFileSync(`${dir}outline.png`, outlineIcon());
  process.stdout.write(`wrote ${dir}color.png and ${dir}outline.png\n`);
}
