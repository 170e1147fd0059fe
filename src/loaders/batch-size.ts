import type { BatchLoadFn } from 'dataloader';

/** Told the size of every batch a loader dispatches (the metrics' junction_dataloader_batch_size). */
export type BatchObserver = (loader: string, size: number) => void;

/** The batch function, reporting each batch's size to `observe` first; unchanged when there is no observer. */
export function measured<K, V>(loader: string, observe: BatchObserver | undefined, batch: BatchLoadFn<K, V>): BatchLoadFn<K, V> {
  if (!observe) return batch;
  return (keys) => {
    observe(loader, keys.length);
    return batch(keys);
  };
}
