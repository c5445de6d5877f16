/**
 * A still picture under the WebGL canvas that holds the stage's static layers: the map (a baked
 * image) and, over it, what the choices did (an SVG the consequences layer draws into). Under software WebGL (SwiftShader, as in CI and on machines
 * without a usable GPU) every full-canvas layer drawn per frame costs several milliseconds, and
 * the baked map was the largest of them: as the background of an element of its own it is drawn
 * once per layout, and the compositor (not WebGL) puts it under each animated frame.
 *
 * An element with a background image rather than a second canvas, so the stage keeps exactly one
 * canvas. The picture is read from the render texture synchronously, wrapped as an uncompressed
 * 32-bit BMP (a few ms; PNG encoding took about a second here) and shown once decoded; until then
 * the scene keeps drawing the texture itself.
 *
 * The consequences are SVG rather than a second baked texture: a texture the size of the stage is
 * blended by WebGL in every frame of a transition, and under SwiftShader that fill, with the
 * canvas read back for the compositor, cost about a third of each frame. As SVG it is rasterised
 * once per choice off the main thread and composited like the map image.
 */
import type Phaser from 'phaser';

export class Backdrop {
  readonly element: HTMLDivElement;
  /** What the choices did, in CSS px of the stage (the consequences layer draws here). */
  readonly drawing: SVGSVGElement;
  private pixels = new Uint8Array(0);
  private url: string | undefined;
  private generation = 0;
  private readonly layers: HTMLElement[] = [];

  /** Clips the picture to the map's area (the picture itself keeps the stage's full size). */
  private readonly frame: HTMLDivElement;

  constructor(
    parent: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {
    this.frame = document.createElement('div');
    this.frame.setAttribute('aria-hidden', 'true');
    Object.assign(this.frame.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '100%',
      height: '100%',
      overflow: 'hidden',
      pointerEvents: 'none',
    });
    this.element = document.createElement('div');
    Object.assign(this.element.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: `${parent.clientWidth}px`,
      height: `${parent.clientHeight}px`,
      backgroundRepeat: 'no-repeat',
      backgroundSize: '100% 100%',
    });
    this.drawing = document.createElementNS(SVG_NS, 'svg');
    Object.assign(this.drawing.style, { position: 'absolute', left: '0', top: '0', overflow: 'visible' });
    this.element.append(this.drawing);
    this.frame.append(this.element);
    parent.insertBefore(this.frame, canvas);
    this.fitDrawing();
  }

  /** Puts a layer of the stage's own over the backdrop, under the canvas (removed with it). */
  under(layer: HTMLElement): void {
    this.canvas.before(layer);
    this.layers.push(layer);
  }

  /** Puts a layer of the stage's own over the canvas (removed with the backdrop). */
  over(layer: HTMLElement): void {
    this.canvas.after(layer);
    this.layers.push(layer);
  }

  /** Shows the picture only within `area` (CSS px from the stage's top left), or everywhere. */
  clipTo(area: { width: number; height: number } | undefined): void {
    const parent = this.frame.parentElement;
    this.frame.style.width = area ? `${area.width}px` : '100%';
    this.frame.style.height = area ? `${area.height}px` : '100%';
    if (parent) {
      this.element.style.width = `${parent.clientWidth}px`;
      this.element.style.height = `${parent.clientHeight}px`;
    }
    this.fitDrawing();
  }

  private fitDrawing(): void {
    const width = this.frame.parentElement?.clientWidth ?? 0;
    const height = this.frame.parentElement?.clientHeight ?? 0;
    this.drawing.setAttribute('width', String(width));
    this.drawing.setAttribute('height', String(height));
    this.drawing.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }

  /**
   * Moves and zooms the picture as the map's view does while a pan or zoom is under way (the
   * picture is drawn again for the new view once it settles).
   */
  setTransform(scale: number, x: number, y: number): void {
    const still = scale === 1 && x === 0 && y === 0;
    this.element.style.transformOrigin = '0 0';
    this.element.style.transform = still ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
  }

  /** Takes the picture away (the scene draws the texture again until the next copy is shown). */
  clear(): void {
    this.generation++;
    this.element.style.backgroundImage = 'none';
    this.revoke();
  }

  /**
   * Copies a render texture (device pixels) into the backdrop; `shown` runs once it is on screen.
   * False if it could not be read, in which case the scene goes on drawing the texture.
   */
  copy(
    renderer: Phaser.Renderer.WebGL.WebGLRenderer,
    texture: Phaser.Textures.DynamicTexture,
    shown: () => void,
  ): boolean {
    this.clear();
    const framebuffer = texture.drawingContext?.framebuffer;
    if (!framebuffer || typeof URL.createObjectURL !== 'function') return false;
    const { width, height } = texture;
    const gl = renderer.gl;
    const size = width * height * 4;
    if (this.pixels.length !== size) this.pixels = new Uint8Array(size);
    const pixels = this.pixels;
    renderer.glWrapper.updateBindingsFramebuffer({ bindings: { framebuffer } });
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    if (gl.getError() !== gl.NO_ERROR) return false;
    const generation = this.generation;
    const url = URL.createObjectURL(new Blob([bitmap(pixels, width, height)], { type: 'image/bmp' }));
    const img = new Image();
    img.src = url;
    img.decode().then(
      () => {
        if (generation !== this.generation) {
          URL.revokeObjectURL(url);
          return;
        }
        this.url = url;
        this.element.style.backgroundImage = `url("${url}")`;
        shown();
      },
      () => URL.revokeObjectURL(url),
    );
    return true;
  }

  destroy(): void {
    this.clear();
    this.frame.remove();
    for (const layer of this.layers) layer.remove();
  }

  private revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FILE_HEADER = 14;
const INFO_HEADER = 108; // BITMAPV4HEADER: has an alpha mask, which browsers honour

/**
 * An uncompressed 32-bit BMP of WebGL pixels. BMP rows run bottom to top, as WebGL's do; its
 * colour is straight while the framebuffer holds premultiplied colour, so that is undone.
 */
export function bitmap(pixels: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
  const offset = FILE_HEADER + INFO_HEADER;
  const out = new Uint8Array(offset + width * height * 4);
  const view = new DataView(out.buffer);
  out[0] = 0x42; // B
  out[1] = 0x4d; // M
  view.setUint32(2, out.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, INFO_HEADER, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: bottom-up rows
  view.setUint16(26, 1, true);
  view.setUint16(28, 32, true);
  view.setUint32(30, 3, true); // BI_BITFIELDS
  view.setUint32(34, width * height * 4, true);
  view.setUint32(38, 2835, true);
  view.setUint32(42, 2835, true);
  view.setUint32(54, 0x00ff0000, true); // red
  view.setUint32(58, 0x0000ff00, true); // green
  view.setUint32(62, 0x000000ff, true); // blue
  view.setUint32(66, 0xff000000, true); // alpha
  view.setUint32(70, 0x73524742, true); // 'sRGB'
  for (let from = 0, to = offset; from < pixels.length; from += 4, to += 4) {
    const a = pixels[from + 3]!;
    if (a === 0) continue;
    const scale = 255 / a;
    out[to] = Math.min(255, Math.round(pixels[from + 2]! * scale));
    out[to + 1] = Math.min(255, Math.round(pixels[from + 1]! * scale));
    out[to + 2] = Math.min(255, Math.round(pixels[from]! * scale));
    out[to + 3] = a;
  }
  return out;
}
