// PNG export: each <svg> in the chart is cloned with its computed styles inlined
// (the theme's colours come from CSS, which a detached SVG would lose), drawn on a
// canvas at its place in the chart, under the chart's title.
const styleProps = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
  'display',
];

const scale = 2;
const titleBand = 36;

function inlinedSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, index) => {
    const computed = getComputedStyle(element);
    const style = styleProps.map((prop) => `${prop}:${computed.getPropertyValue(prop)}`).join(';');
    target[index]?.setAttribute('style', style);
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    image.src = url;
  });
}

function background(element: HTMLElement): string {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

/** The chart in `container` (every visible SVG in it) as a PNG, titled. */
export async function chartToPng(container: HTMLElement, title: string): Promise<Blob> {
  const box = container.getBoundingClientRect();
  const svgs = [...container.querySelectorAll('svg')].filter(
    (svg) => svg.getBoundingClientRect().width > 40 && !svg.closest('[data-export-skip]'),
  );
  if (svgs.length === 0) throw new Error('there is no chart to export yet');
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil((box.height + titleBand) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.scale(scale, scale);
  context.fillStyle = background(container);
  context.fillRect(0, 0, box.width, box.height + titleBand);
  const text = getComputedStyle(container);
  context.fillStyle = text.color;
  context.font = `600 15px ${text.fontFamily}`;
  context.fillText(title, 12, 24);
  drawHtmlText(context, container, box);
  for (const svg of svgs) {
    const rect = svg.getBoundingClientRect();
    const image = await loadImage(inlinedSvg(svg));
    context.drawImage(image, rect.left - box.left, rect.top - box.top + titleBand, rect.width, rect.height);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG was made'))), 'image/png'),
  );
}

/**
 * HTML around the SVGs that belongs in the picture (legends, panel headings): text
 * marked `data-export-text` and swatches marked `data-export-swatch`.
 */
function drawHtmlText(context: CanvasRenderingContext2D, container: HTMLElement, box: DOMRect): void {
  for (const element of container.querySelectorAll<HTMLElement>('[data-export-swatch]')) {
    const rect = element.getBoundingClientRect();
    context.fillStyle = getComputedStyle(element).backgroundColor;
    context.fillRect(rect.left - box.left, rect.top - box.top + titleBand, rect.width, rect.height);
  }
  context.textBaseline = 'middle';
  for (const element of container.querySelectorAll<HTMLElement>('[data-export-text]')) {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    context.fillStyle = style.color;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = element.textContent ?? '';
    context.fillText(text, rect.left - box.left, rect.top - box.top + titleBand + rect.height / 2);
  }
  context.textBaseline = 'alphabetic';
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `Workouts per month` → `spoke-workouts-per-month`. */
export function exportName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `spoke-${slug || 'chart'}`;
}
