// The statistics the browser benchmarks share: a median, and how far a ratio of two medians
// could move by chance (ADR 55's 90% interval).

export const median = (values) => {
  if (!values?.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * How far a ratio of two medians could move by chance: the 5th and 95th percentiles of the
 * ratio over 2,000 resamplings (with replacement) of each page's loads. A run whose interval
 * holds 1.00 cannot tell the two pages apart. Seeded, so a run's figures can be repeated.
 */
export function ratioInterval(values, bases) {
  if (!values?.length || !bases?.length) return undefined;
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const resample = (list) => list.map(() => list[Math.floor(random() * list.length)]);
  const ratios = [];
  for (let i = 0; i < 2000; i += 1) ratios.push(median(resample(values)) / median(resample(bases)));
  ratios.sort((a, b) => a - b);
  return [ratios[100], ratios[1899]];
}
