/**
 * The actors as a row of plain emblems: initials in a disc (no flags or national symbols), a short
 * name underneath when there is room, and one pip per decision each has taken so far. A warm halo
 * marks who decides now and travels to the next actor when the turn passes.
 */
import type Phaser from 'phaser';
import type { GameView } from '../../engine/view.ts';
import type { StageMoment } from '../stage-contract.ts';
import type { Actor } from '../../scenario/schema.ts';
import { actorShortName, compactName, emblemLabels } from '../labels.ts';
import { emblemCenterOffset, type StageLayout } from '../stage-layout.ts';
import { css, fontFamily, palette } from '../palette.ts';
import { addText } from './text.ts';
import type { Stance } from '../../engine/stage.ts';
import { STANCE_STYLES } from '../picture-style.ts';

interface Emblem {
  actor: Actor;
  disc: Phaser.GameObjects.Arc;
  initials: Phaser.GameObjects.Text;
  caption: Phaser.GameObjects.Text;
  pips: Phaser.GameObjects.Graphics;
  /** The actor's latest stance: an icon and a word on a coloured tag beside the disc. */
  stance: Phaser.GameObjects.Text;
  x: number;
  y: number;
}

export class ActorRow {
  private readonly emblems: Emblem[];
  private readonly links: Phaser.GameObjects.Graphics;
  private readonly halo: Phaser.GameObjects.Arc;
  private readonly glow: Phaser.GameObjects.Arc;
  private radius = 16;
  private column = false;
  /** The name shown by each emblem: the scenario's short name, else the name without its parenthetical. */
  private readonly names: string[];
  private unit = 12;
  private captions = false;
  private active: string | undefined;
  private kind: GameView['kind'] | undefined;
  private pipCounts = new Map<string, number>();
  private breathing: Phaser.Tweens.Tween | undefined;

  constructor(
    private readonly scene: Phaser.Scene,
    actors: readonly Actor[],
    private readonly reducedMotion: boolean,
  ) {
    this.links = scene.add.graphics().setDepth(11);
    this.glow = scene.add.circle(0, 0, 10, palette.focus, 0.09).setDepth(11).setVisible(false);
    this.halo = scene.add
      .circle(0, 0, 10)
      .setFillStyle()
      .setStrokeStyle(2, palette.focus, 1)
      .setDepth(12)
      .setVisible(false);
    const labels = emblemLabels(actors.map((a) => a.name));
    this.names = actors.map((a) => actorShortName(a));
    this.emblems = actors.map((actor, i) => ({
      actor,
      disc: scene.add.circle(0, 0, 10, palette.emblem, 1).setStrokeStyle(1.5, palette.emblemEdge, 1).setDepth(12),
      initials: addText(scene, labels[i]!, { fontFamily, fontStyle: 'bold', color: css(palette.emblemText) })
        .setOrigin(0.5, 0.5)
        .setDepth(13),
      caption: addText(scene, actorShortName(actor), { fontFamily, color: palette.textMuted, align: 'center' })
        .setOrigin(0.5, 0)
        .setDepth(13),
      pips: scene.add.graphics().setDepth(13),
      stance: addText(scene, '', { fontFamily, fontStyle: 'bold', color: palette.textOnFocus, padding: { x: 3, y: 1 } })
        .setOrigin(0.5, 1)
        .setDepth(14)
        .setVisible(false),
      x: 0,
      y: 0,
    }));
  }

  setLayout(layout: StageLayout): void {
    const { actors: box, emblemRadius: r, unit, captions } = layout;
    this.unit = unit;
    this.captions = captions;
    this.radius = r;
    this.column = layout.actorsDirection === 'column';
    const n = this.emblems.length;
    const cell = (this.column ? box.height : box.width) / Math.max(1, n);
    const cy = box.y + emblemCenterOffset(r);
    const captionSize = Math.max(12, Math.round(unit * 0.78));
    this.links.clear().lineStyle(Math.max(1, unit / 12), palette.emblemEdge, 0.8);
    for (const [i, emblem] of this.emblems.entries()) {
      emblem.x = this.column ? box.x + r * 1.4 : box.x + cell * (i + 0.5);
      emblem.y = this.column ? box.y + cell * (i + 0.5) : cy;
      emblem.disc
        .setPosition(emblem.x, emblem.y)
        .setRadius(r)
        .setStrokeStyle(Math.max(1.5, r / 10), palette.emblemEdge, 1);
      // Initials only where they can be read (12 px or more) and no name is shown by the emblem.
      const initialsSize = Math.round(r * (emblem.initials.text.length > 2 ? 0.66 : 0.8));
      emblem.initials
        .setPosition(emblem.x, emblem.y)
        .setFontSize(initialsSize)
        .setVisible(!captions && initialsSize >= 12);
      emblem.caption.setVisible(captions);
      if (!captions) continue;
      if (this.column) {
        // Beside the emblem, above its middle line (the stance tag goes under it).
        const width = box.x + box.width - (emblem.x + r * 1.5);
        emblem.caption
          .setOrigin(0, 1)
          .setAlign('left')
          .setPosition(emblem.x + r * 1.5, emblem.y + unit * 0.2);
        fitCaption(emblem.caption, this.names[i]!, width, captionSize);
      } else {
        emblem.caption
          .setOrigin(0.5, 0)
          .setAlign('center')
          .setPosition(emblem.x, emblem.y + r * 1.68);
        fitCaption(emblem.caption, this.names[i]!, cell - unit * 0.5, captionSize);
      }
    }
    this.placeStances();
    const first = this.emblems[0];
    const last = this.emblems[n - 1];
    if (first && last && n > 1) {
      if (this.column) this.links.lineBetween(first.x, first.y + r, last.x, last.y - r);
      else this.links.lineBetween(first.x + r, cy, last.x - r, cy);
    }
    this.drawPips();
    this.paint(false);
  }

  update(view: GameView, moment: StageMoment, animate: boolean): void {
    this.pipCounts = new Map();
    for (const step of view.path) this.pipCounts.set(step.actorName, (this.pipCounts.get(step.actorName) ?? 0) + 1);
    this.drawPips();
    const next =
      moment === 'outcome'
        ? view.path[view.path.length - 1]?.actorId
        : view.kind === 'decision'
          ? view.actor.id
          : undefined;
    const changed = next !== this.active || view.kind !== this.kind;
    this.active = next;
    this.kind = view.kind;
    this.paint(animate && changed);
  }

  /** Shows each actor's latest stance (from the stage picture); a new one pops in when animating. */
  setStances(stances: ReadonlyArray<{ actor: string; is: Stance }>, animate: boolean): void {
    for (const emblem of this.emblems) {
      const stance = stances.find((s) => s.actor === emblem.actor.id);
      const tag = emblem.stance;
      if (!stance) {
        tag.setVisible(false).setText('');
        continue;
      }
      const style = STANCE_STYLES[stance.is];
      const text = `${style.icon} ${style.word}`;
      const changed = tag.text !== text;
      // Each change of a Text redraws and uploads it: change only what differs.
      if (tag.style.backgroundColor !== css(style.color)) tag.setBackgroundColor(css(style.color));
      tag.setText(text).setVisible(true);
      if (changed && animate && !this.reducedMotion)
        this.scene.tweens.add({ targets: tag, scale: { from: 0.5, to: 1 }, duration: 400, ease: 'Back.easeOut' });
    }
    this.placeStances();
  }

  /** Each actor's emblem: where it is and how big (for picking one by pointer). */
  emblemPoints(): Array<{ id: string; x: number; y: number; r: number }> {
    return this.emblems.map((e) => ({ id: e.actor.id, x: e.x, y: e.y, r: this.radius }));
  }

  /** The stance words shown now, per actor id (for the test probe). */
  stancesShown(): Array<{ actor: string; word: string }> {
    return this.emblems.filter((e) => e.stance.visible).map((e) => ({ actor: e.actor.id, word: e.stance.text }));
  }

  private placeStances(): void {
    const r = this.radius;
    const size = Math.max(12, Math.round(this.unit * 0.75));
    for (const emblem of this.emblems) {
      if (this.column)
        emblem.stance
          .setFontSize(size)
          .setOrigin(0, 0)
          .setPosition(emblem.x + r * 1.5, emblem.y + this.unit * 0.35);
      else
        emblem.stance
          .setFontSize(size)
          .setOrigin(0.5, 1)
          .setPosition(emblem.x, emblem.y - r * 1.05);
    }
  }

  /** Colours every emblem for the current turn; at an ending all share a quiet warm rim. */
  private paint(animate: boolean): void {
    const ended = this.kind === 'ending';
    const edge = Math.max(1.5, this.radius / 10);
    for (const emblem of this.emblems) {
      const on = emblem.actor.id === this.active;
      emblem.disc
        .setFillStyle(on ? palette.focus : palette.emblem, 1)
        .setStrokeStyle(edge, on || ended ? palette.focus : palette.emblemEdge, on ? 1 : ended ? 0.6 : 1);
      // Each change of a Text redraws and uploads it: change only what differs.
      recolour(emblem.initials, on ? palette.textOnFocus : css(palette.emblemText));
      recolour(emblem.caption, on ? palette.textFocus : palette.textMuted);
      if (on && animate) {
        this.scene.tweens.add({
          targets: [emblem.disc],
          scale: { from: 0.8, to: 1 },
          duration: 500,
          ease: 'Back.easeOut',
        });
      }
    }
    this.placeHalo(animate);
  }

  private placeHalo(animate: boolean): void {
    const target = this.emblems.find((e) => e.actor.id === this.active);
    this.breathing?.stop();
    this.breathing = undefined;
    if (!target) {
      if (animate && this.halo.visible) {
        this.scene.tweens.add({
          targets: [this.halo, this.glow],
          alpha: 0,
          duration: 400,
          onComplete: () => {
            this.halo.setVisible(false);
            this.glow.setVisible(false);
          },
        });
      } else {
        this.halo.setVisible(false);
        this.glow.setVisible(false);
      }
      return;
    }
    const r = this.radius;
    this.halo.setRadius(r * 1.25).setStrokeStyle(Math.max(2, r / 8), palette.focus, 1);
    this.glow.setRadius(r * 1.55);
    const wasVisible = this.halo.visible;
    this.halo.setVisible(true).setAlpha(1);
    this.glow.setVisible(true).setAlpha(1);
    if (animate && wasVisible) {
      this.scene.tweens.add({
        targets: [this.halo, this.glow],
        x: target.x,
        y: target.y,
        duration: 650,
        ease: 'Cubic.easeInOut',
      });
    } else {
      this.halo.setPosition(target.x, target.y);
      this.glow.setPosition(target.x, target.y);
    }
    if (!this.reducedMotion) {
      this.breathing = this.scene.tweens.add({
        targets: this.glow,
        scale: { from: 1, to: 1.12 },
        alpha: { from: 1, to: 0.45 },
        duration: 1400,
        yoyo: true,
        repeat: 1,
        ease: 'Sine.easeInOut',
      });
    }
  }

  private drawPips(): void {
    const r = this.radius;
    const pip = Math.max(1.5, r * 0.09);
    for (const emblem of this.emblems) {
      const count = Math.min(8, this.pipCounts.get(emblem.actor.name) ?? 0);
      const g = emblem.pips.clear().fillStyle(palette.emblemText, 0.85);
      const y = emblem.y + r * (this.column ? 1.3 : 1.5);
      for (let i = 0; i < count; i++) g.fillCircle(emblem.x + (i - (count - 1) / 2) * pip * 3, y, pip);
    }
  }
}

/**
 * Sets a caption in at most two lines: a smaller size if that makes it fit, else two lines ending
 * in an ellipsis (the full name is in the page's text).
 */
function fitCaption(caption: Phaser.GameObjects.Text, name: string, width: number, size: number): void {
  const smallest = Math.max(12, Math.round(size * 0.8));
  let lines: string[] = [];
  // The full short name if it fits in two lines, else the compact one ("Outgoing US").
  for (const full of [name, compactName(name)]) {
    for (let font = size; font >= smallest; font--) {
      caption.setFontSize(font).setWordWrapWidth(width, true).setText(full);
      lines = caption.getWrappedText(full);
      if (lines.length <= 2 && caption.width <= width + 1) return;
    }
  }
  let second = lines.slice(1).join(' ');
  caption.setText(`${lines[0]}\n${second}`);
  while (second.length > 1 && caption.getWrappedText().length > 2) {
    second = second.slice(0, -1).trimEnd();
    caption.setText(`${lines[0]}\n${second}…`);
  }
}

function recolour(text: Phaser.GameObjects.Text, color: string): void {
  if (text.style.color !== color) text.setColor(color);
}
