// Saving the roadmap drawing as a standalone SVG file or a PNG image. The drawing already carries its title, date and
// legend (RoadmapChart.svelte), so the export is the SVG as shown.

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 1100 600').split(' ').map(Number);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  save(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }), name);
}

/** Draws the SVG on a canvas at `scale` (2: sharp on print and high-density screens). */
export async function savePng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 1100 600').split(' ').map(Number) as [number, number, number, number];
  const src = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('The roadmap could not be drawn as an image; try the SVG export.'));
      i.src = src;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made; try the SVG export.'))), 'image/png'),
    );
    save(blob, name);
  } finally {
    URL.revokeObjectURL(src);
  }
}
