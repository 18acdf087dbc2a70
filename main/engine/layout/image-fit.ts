// Where a picture goes inside its frame: `contain` shows all of it, centred; `cover` fills the frame
// and is cropped by it.
import type { Rect } from './layout-plan.ts';

export function fitImage(
  frame: Rect,
  pixels: { width: number; height: number },
  fit: 'contain' | 'cover',
): Rect {
  const scaleX = frame.width / pixels.width;
  const scaleY = frame.height / pixels.height;
  const scale = fit === 'contain' ? Math.min(scaleX, scaleY) : Math.max(scaleX, scaleY);
  const width = pixels.width * scale;
  const height = pixels.height * scale;
  return { x: frame.x + (frame.width - width) / 2, y: frame.y + (frame.height - height) / 2, width, height };
}
