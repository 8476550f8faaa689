import { ebsSizeGiB, lvmExtentsFor, lvmExtentsOnDisk, lvmSizeBytes } from '../../lib/config';

describe('EBS sizes keep the original arithmetic', () => {
  test.each([
    ['30G', 30],
    ['1T', 1000], // T x 1000, as the original
    ['2000M', 2], // M // 1000
    ['2500M', 2],
    [20, 20], // a bare number is GiB
    ['20', 20],
    ['1.5T', 1500],
  ])('%p is %d GiB', (size, gib) => {
    expect(ebsSizeGiB(size)).toBe(gib);
  });

  test.each(['900M', '0G', 0, '999M'])('%p would be 0 GiB: undefined (an error for the loader)', (size) => {
    expect(ebsSizeGiB(size)).toBeUndefined();
  });

  test.each(['1.5G', 1.5, '1.0005T'])('%p is not a whole number of GiB: undefined (an error for the loader)', (size) => {
    expect(ebsSizeGiB(size)).toBeUndefined();
  });

  test.each(['30g', '30GB', 'x', '30 G', ' 30G'])('%p is not a size', (size) => {
    expect(ebsSizeGiB(size)).toBeUndefined();
  });
});

describe('lvcreate -L sizes', () => {
  test.each([
    ['19G', 19 * 1024 ** 3],
    ['19g', 19 * 1024 ** 3], // input units are binary in either case
    ['900M', 900 * 1024 ** 2],
    ['900', 900 * 1024 ** 2], // no unit: MiB
    [512, 512 * 1024 ** 2],
    ['1.5T', 1.5 * 1024 ** 4],
    ['2048s', 2048 * 512],
    ['4096k', 4 * 1024 ** 2],
    ['10b', 10],
  ])('%p is %d bytes', (size, bytes) => {
    expect(lvmSizeBytes(size)).toBe(bytes);
  });

  test.each(['100%FREE', '50%VG', '+1G', '1GB', ''])('%p is not an -L size', (size) => {
    expect(lvmSizeBytes(size)).toBeUndefined();
  });

  test('sizes round up to whole 4 MiB extents', () => {
    expect(lvmExtentsFor(4 * 1024 ** 2)).toBe(1);
    expect(lvmExtentsFor(4 * 1024 ** 2 + 1)).toBe(2);
    expect(lvmExtentsFor(900 * 1024 ** 2)).toBe(225);
  });

  test('a whole-disk PV loses the 1 MiB in front of its data area', () => {
    expect(lvmExtentsOnDisk(20)).toBe(5119); // (20480 MiB - 1 MiB) / 4 MiB, rounded down
    expect(lvmExtentsOnDisk(1)).toBe(255);
  });
});
