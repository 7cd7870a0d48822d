// Prints the character width table of src/features/map/text-width.ts (ADR 15): the advance
// width of each character, in thousandths of an em, as the widest of the sans-serif fonts
// installed here that stand in for the system fonts the map is drawn in. Run it with
// `node scripts/measure-map-font.mjs` after installing more fonts; paste its output over
// the table.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

// DejaVu Sans is what system-ui is on Linux and as wide as Verdana; Liberation Sans has
// Arial's widths and Nimbus Sans Helvetica's.
const FONTS = ['DejaVu Sans', 'Liberation Sans', 'Nimbus Sans'];
const CHARS = [
  ...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)),
  ...'–—…‘’“”•·×°é',
].join('');

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
const widths = await page.evaluate(
  ({ fonts, chars }) => {
    const context = document.createElement('canvas').getContext('2d');
    return [...chars].map((char) =>
      Math.max(
        ...fonts.map((font) => {
          context.font = `1000px "${font}"`;
          return Math.ceil(context.measureText(char).width);
        }),
      ),
    );
  },
  { fonts: FONTS, chars: CHARS },
);
await browser.close();
console.log(`const CHARS = ${JSON.stringify(CHARS)};`);
console.log(`const WIDTHS = [${widths.join(', ')}];`);
