/** Storage is measured in GiB, as S3 bills it and as the storage quota counts it. */
export const GIB = 1024 ** 3;

/** Bytes as GiB with two decimals, as the Daylily clients show them. */
export function toGb(bytes: number): number {
  return Math.round((bytes / GIB) * 100) / 100;
}
