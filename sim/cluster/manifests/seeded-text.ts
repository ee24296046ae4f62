// Stable pseudo-random text per cluster seed (the simulator draws no randomness outside its RNG):
// what kubeadm and the API server generate at random (bootstrap token, signatures).

const LOWER_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function seededText(seed: number, salt: number, length: number, alphabet = LOWER_DIGITS): string {
  let h = (0x85ebca6b ^ Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}
