/**
 * Lets an author drop a scenario's folder, files or zip anywhere on the page. The entries must be
 * taken during the drop event itself (the browser forgets them afterwards); reading them can wait
 * for the authoring code, which loads only then. Kept tiny: it is part of the page's first chunk.
 */
export interface CapturedDrop {
  entries: FileSystemEntry[];
  /** Files, for browsers that give no entries. */
  files: File[];
}

export function captureDrop(transfer: DataTransfer): CapturedDrop {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null);
  return { entries, files: entries.length === 0 ? [...transfer.files] : [] };
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Calls `onDrop` with the files of every drop on `target`, and shows the page is ready for one. */
export function listenForDrops(target: HTMLElement, onDrop: (dropped: CapturedDrop) => void): void {
  let depth = 0;
  const setOver = (over: boolean) => target.classList.toggle('dragging-files', over);
  target.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth++;
    setOver(true);
  });
  target.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setOver(false);
  });
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would open the dropped file itself, leaving the game.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('drop', (event) => {
    if (!carriesFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    depth = 0;
    setOver(false);
    onDrop(captureDrop(event.dataTransfer));
  });
}
