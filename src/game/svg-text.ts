/**
 * Map labels as SVG text in the backdrop (see backdrop.ts): a Phaser Text that is never drawn
 * measures and wraps the words (so labels are placed as before), and its lines are written out
 * where it stands, in its font, colour and outline.
 */
import type Phaser from 'phaser';
import { svgElement } from './backdrop.ts';

export function svgText(label: Phaser.GameObjects.Text): SVGTextElement {
  const style = label.style;
  const stroke = style.strokeThickness;
  const metrics = label.getTextMetrics();
  // As Phaser draws a Text's lines (GetTextSize and updateText).
  const lineHeight = metrics.fontSize + stroke + label.lineSpacing;
  const left = label.x - label.displayOriginX;
  const top = label.y - label.displayOriginY;
  const centred = style.align === 'center';
  const x = centred ? left + label.width / 2 : left + stroke / 2;
  const attributes: Record<string, string> = {
    'font-family': style.fontFamily,
    'font-size': String(style.fontSize),
    'font-weight': /bold/.test(style.fontStyle) ? 'bold' : 'normal',
    fill: String(style.color),
    'text-anchor': centred ? 'middle' : 'start',
  };
  if (stroke > 0)
    Object.assign(attributes, {
      stroke: String(style.stroke),
      'stroke-width': String(stroke),
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
  const text = svgElement('text', attributes);
  for (const [i, line] of label.getWrappedText().entries()) {
    const span = svgElement('tspan', {
      x: Math.round(x * 10) / 10,
      y: Math.round((top + stroke / 2 + i * lineHeight + metrics.ascent) * 10) / 10,
    });
    span.textContent = line;
    text.append(span);
  }
  return text;
}
