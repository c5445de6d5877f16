/**
 * What sits under the WebGL canvas and stays still: the map (a baked image), what the choices did
 * (SVG the consequences layer draws) and the places' dots and names (SVG). Under software WebGL
 * (SwiftShader, as in CI and on machines without a usable GPU) whatever WebGL draws in a frame is
 * paid for on the CPU, and the canvas is read back for the compositor in every frame that changes
 * it: a stage-sized texture blended per frame cost about a third of each frame of a transition,
 * and the places' rings and names another third of what was left. Here they are drawn once per
 * layout or choice, rasterised off the main thread and composited under each animated frame.
 *
 * Elements rather than a second canvas, so the stage keeps exactly one canvas. The map is read
 * from its render texture synchronously, wrapped as an uncompressed 32-bit BMP (a few ms; PNG
 * encoding took about a second here) and shown once decoded; until the first copy is in the
 * scene draws the texture itself, and a newer copy replaces an older one only once decoded.
 */
import type Phaser from 'phaser';

export class Backdrop {
  /** What the choices did, in CSS px of the stage (the consequences layer draws here). */
  readonly drawing: SVGSVGElement;
  /** The places' dots and names, over what the choices did. */
  readonly marks: SVGSVGElement;
  /** Clips everything to the map's area (the layers themselves keep the stage's full size). */
  private readonly frame: HTMLDivElement;
  /** The baked map, as a background image. */
  private readonly picture: HTMLDivElement;
  /** The SVG layers. */
  private readonly vectors: HTMLDivElement;
  private pixels = new Uint8Array(0);
  private url: string | undefined;
  private generation = 0;
  /** Set while a new picture is being decoded: the old one keeps the transform it had. */
  private pending = false;
  private transform = '';
  private readonly layers: HTMLElement[] = [];

  constructor(
    parent: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {
    this.frame = overlayLayer({ width: '100%', height: '100%', overflow: 'hidden' });
    this.picture = fullSize(document.createElement('div'));
    Object.assign(this.picture.style, { backgroundRepeat: 'no-repeat', backgroundSize: '100% 100%' });
    this.vectors = fullSize(document.createElement('div'));
    this.drawing = fullSize(svgElement('svg', {}));
    this.marks = fullSize(svgElement('svg', {}));
    this.vectors.append(this.drawing, this.marks);
    this.frame.append(this.picture, this.vectors);
    parent.insertBefore(this.frame, canvas);
    this.clipTo(undefined);
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

  /** Shows the backdrop only within `area` (CSS px from the stage's top left), or everywhere. */
  clipTo(area: { width: number; height: number } | undefined): void {
    this.frame.style.width = area ? `${area.width}px` : '100%';
    this.frame.style.height = area ? `${area.height}px` : '100%';
    const width = this.frame.parentElement?.clientWidth ?? 0;
    const height = this.frame.parentElement?.clientHeight ?? 0;
    for (const layer of [this.picture, this.vectors]) {
      layer.style.width = `${width}px`;
      layer.style.height = `${height}px`;
    }
    for (const svg of [this.drawing, this.marks]) {
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    }
  }

  /**
   * Moves and zooms the backdrop as the map's view does while a pan or zoom is under way (it is
   * drawn again for the new view once it settles). A picture still being replaced keeps the
   * transform it had, which is where its view now is, until the new one is in.
   */
  setTransform(scale: number, x: number, y: number): void {
    const still = scale === 1 && x === 0 && y === 0;
    this.transform = still ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
    this.vectors.style.transform = this.transform;
    if (!this.pending) this.picture.style.transform = this.transform;
  }

  /** Whether a picture is on screen (else the scene must draw the map itself). */
  hasPicture(): boolean {
    return this.url !== undefined;
  }

  /** Takes the picture away (the scene draws the texture again until the next copy is shown). */
  clear(): void {
    this.generation++;
    this.pending = false;
    this.picture.style.backgroundImage = 'none';
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
    this.generation++;
    this.pending = true;
    const framebuffer = texture.drawingContext?.framebuffer;
    if (!framebuffer || typeof URL.createObjectURL !== 'function') return this.failed();
    const { width, height } = texture;
    const gl = renderer.gl;
    const size = width * height * 4;
    if (this.pixels.length !== size) this.pixels = new Uint8Array(size);
    const pixels = this.pixels;
    renderer.glWrapper.updateBindingsFramebuffer({ bindings: { framebuffer } });
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    if (gl.getError() !== gl.NO_ERROR) return this.failed();
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
        this.revoke();
        this.url = url;
        this.pending = false;
        this.picture.style.backgroundImage = `url("${url}")`;
        this.picture.style.transform = this.transform;
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

  private failed(): false {
    this.clear();
    return false;
  }

  private revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }
}

/** A decorative element of the stage's own (hidden from assistive technology, never hit by the pointer). */
export function overlayLayer(style: Partial<CSSStyleDeclaration> = {}): HTMLDivElement {
  const element = document.createElement('div');
  element.setAttribute('aria-hidden', 'true');
  Object.assign(element.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', ...style });
  return element;
}

/** An SVG element for the backdrop's layers, with its attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function fullSize<T extends HTMLElement | SVGSVGElement>(element: T): T {
  Object.assign(element.style, { position: 'absolute', left: '0', top: '0', transformOrigin: '0 0' });
  return element;
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
