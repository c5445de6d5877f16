import { Window } from 'happy-dom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scormManifest } from '../../src/authoring/scorm-manifest.ts';
import { cmi5CourseStructure } from '../../src/authoring/cmi5-course.ts';
import { cmi5Package, packagedPlayer, scormPackage } from '../../src/authoring/scorm-package.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';

const parse = (xml: string) => new new Window().DOMParser().parseFromString(xml, 'application/xml');
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const ADLCP13 = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

function structure(xml: string, cp: string) {
  const doc = parse(xml);
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = doc.documentElement;
  const one = (name: string) => {
    const found = root.getElementsByTagNameNS(cp, name);
    expect(found, name).toHaveLength(1);
    return found[0]!;
  };
  return { doc, root, one };
}

describe('imsmanifest.xml for SCORM 1.2', () => {
  const xml = scormManifest({ id: '2024-atacms', title: 'Lift the <limits> & "see"', version: '1.2' });
  const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';

  it('is an IMS CP 1.1.2 manifest with ADL SCORM 1.2 metadata', () => {
    const { root, one } = structure(xml, CP);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')).toBe(true);
    expect(root.localName).toBe('manifest');
    expect(root.namespaceURI).toBe(CP);
    expect(root.getAttribute('xmlns:adlcp')).toBe(ADLCP12);
    expect(root.getAttribute('xsi:schemaLocation')).toContain(`${ADLCP12} adlcp_rootv1p2.xsd`);
    expect(one('schema').textContent).toBe('ADL SCORM');
    expect(one('schemaversion').textContent).toBe('1.2');
  });

  it('has one organization whose item launches the one SCO, index.html', () => {
    const { root, one } = structure(xml, CP);
    const organizations = one('organizations');
    const organization = one('organization');
    const item = one('item');
    const resource = one('resource');
    expect(organizations.getAttribute('default')).toBe(organization.getAttribute('identifier'));
    expect(item.getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    expect(resource.getAttribute('adlcp:scormtype')).toBe('sco');
    expect(resource.getAttribute('type')).toBe('webcontent');
    expect(resource.getAttribute('href')).toBe('index.html');
    expect(one('file').getAttribute('href')).toBe('index.html');
    // Identifiers are XML names, though a scenario id may start with a digit.
    for (const el of [root, organization, item, resource])
      expect(el.getAttribute('identifier')).toMatch(/^[A-Za-z_][\w.-]*$/);
  });

  it('escapes the title', () => {
    const { root } = structure(xml, CP);
    expect(xml).toContain('<title>Lift the &lt;limits&gt; &amp; &quot;see&quot;</title>');
    for (const title of root.getElementsByTagNameNS(CP, 'title'))
      expect(title.textContent).toBe('Lift the <limits> & "see"');
  });
});

describe('imsmanifest.xml for SCORM 2004 4th Edition', () => {
  const xml = scormManifest({ id: 'atacms-2024', title: 'ATACMS', version: '2004' });
  const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1';

  it('is an IMS CP 1.1.4 manifest with the ADL v1p3 namespaces and 4th Edition metadata', () => {
    const { root, one } = structure(xml, CP);
    expect(root.namespaceURI).toBe(CP);
    expect(root.getAttribute('xmlns:adlcp')).toBe(ADLCP13);
    expect(root.getAttribute('xmlns:imsss')).toBe(IMSSS);
    for (const ns of ['adlseq_v1p3', 'adlnav_v1p3']) expect(xml).toContain(`http://www.adlnet.org/xsd/${ns}`);
    expect(one('schemaversion').textContent).toBe('2004 4th Edition');
  });

  it('launches one SCO (adlcp:scormType) whose completion the content sets', () => {
    const { one, doc } = structure(xml, CP);
    const resource = one('resource');
    expect(resource.getAttribute('adlcp:scormType')).toBe('sco');
    expect(resource.getAttribute('href')).toBe('index.html');
    expect(one('item').getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    // happy-dom resolves only default namespaces: the prefixed element is found by its qualified name.
    const controls = doc.getElementsByTagName('imsss:deliveryControls');
    expect(controls).toHaveLength(1);
    expect(controls[0]!.getAttribute('completionSetByContent')).toBe('true');
  });
});

describe('cmi5.xml', () => {
  const xml = cmi5CourseStructure({ id: 'bridge', title: 'The <bridge>', summary: 'A & B', language: 'en' });
  const CMI5 = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

  it('is a cmi5 course structure with one course and one assignable unit, the player, done when completed', () => {
    const { root, one } = structure(xml, CMI5);
    expect(root.localName).toBe('courseStructure');
    expect(one('course').getAttribute('id')).toBe('urn:branchpoint:course:bridge');
    const au = one('au');
    expect(au.getAttribute('id')).toBe('urn:branchpoint:scenario:bridge');
    expect(au.getAttribute('moveOn')).toBe('Completed');
    expect(au.getAttribute('launchMethod')).toBe('AnyWindow');
    expect(one('url').textContent).toBe('index.html');
    // Titles and descriptions are language strings, escaped.
    const strings = [...root.getElementsByTagNameNS(CMI5, 'langstring')];
    expect(strings.map((s) => [s.getAttribute('lang'), s.textContent])).toEqual([
      ['en', 'The <bridge>'],
      ['en', 'A & B'],
      ['en', 'The <bridge>'],
      ['en', 'A & B'],
    ]);
  });
});

describe('the package', () => {
  const template =
    '<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; connect-src data: blob:; base-uri \'none\'" /><title>x</title></head>' +
    '<body><script type="application/json" id="branchpoint-scenario"></script></body></html>';
  const bundle = {
    scenario: {
      id: 'demo',
      title: 'Demo',
      summary: 'A demo',
      language: 'en',
      start: 'a',
      decisions: [],
      endings: [],
      sources: [],
    },
    sources: {},
  } as unknown as ScenarioBundle;

  it('holds imsmanifest.xml at the root and the player as index.html, and nothing else', () => {
    const files = unzipSync(scormPackage(template, bundle, '1.2'));
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    expect(strFromU8(files['imsmanifest.xml']!)).toContain('<schemaversion>1.2</schemaversion>');
    expect(strFromU8(files['index.html']!)).toContain('"id":"demo"');
  });

  it('tells the player its SCORM version and lets it reach a learning record store, only over https or this machine', () => {
    const html = packagedPlayer(template, bundle, '2004');
    expect(html).toContain('<meta name="branchpoint-scorm" content="2004" />');
    expect(html).toContain('connect-src data: blob: https: http://localhost:* http://127.0.0.1:*;');
    expect(html).toContain("default-src 'none'");
  });

  it('for cmi5 holds cmi5.xml and the player, which looks for no SCORM API version', () => {
    const files = unzipSync(cmi5Package(template, bundle));
    expect(Object.keys(files).sort()).toEqual(['cmi5.xml', 'index.html']);
    const html = strFromU8(files['index.html']!);
    expect(html).not.toContain('branchpoint-scorm');
    expect(html).toContain('connect-src data: blob: https:');
  });

  it('refuses a page that is not a player template', () => {
    expect(() => packagedPlayer('<html><head></head></html>', bundle, '1.2')).toThrow(/not a Branchpoint player/);
  });
});
