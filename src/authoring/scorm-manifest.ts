/**
 * imsmanifest.xml for a one-file player packaged for a learning platform: one organization, one
 * item, one SCO (index.html). SCORM 1.2 uses the IMS Content Packaging 1.1.2 and ADL 1.2
 * namespaces (adlcp:scormtype); SCORM 2004 4th Edition uses IMS CP 1.1.4 with the ADL v1p3
 * namespaces (adlcp:scormType) and says completion is set by the content, since only the
 * player knows when an ending is reached.
 */
import type { ScormVersion } from './lms-package-ids.ts';
import { escapeMarkup } from '../lib/escape-markup.ts';

export const PLAYER_FILE = 'index.html';

export interface ManifestInput {
  /** The scenario's id: [a-z0-9] words joined by - or _. */
  id: string;
  title: string;
  version: ScormVersion;
}

/** An xs:ID (an XML name): the scenario id may start with a digit, which a name may not. */
const xmlId = (id: string, kind: string) => `branchpoint-${kind}-${id}`;

export function scormManifest({ id, title, version }: ManifestInput): string {
  const t = escapeMarkup(title);
  const ids = { manifest: xmlId(id, 'package'), org: xmlId(id, 'org'), item: xmlId(id, 'item'), res: xmlId(id, 'sco') };
  return version === '1.2' ? manifest12(ids, t) : manifest2004(ids, t);
}

interface Ids {
  manifest: string;
  org: string;
  item: string;
  res: string;
}

function manifest12(ids: Ids, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${ids.org}">
    <organization identifier="${ids.org}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.res}" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.res}" type="webcontent" adlcp:scormtype="sco" href="${PLAYER_FILE}">
      <file href="${PLAYER_FILE}"/>
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004(ids: Ids, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${ids.org}">
    <organization identifier="${ids.org}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.res}">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.res}" type="webcontent" adlcp:scormType="sco" href="${PLAYER_FILE}">
      <file href="${PLAYER_FILE}"/>
    </resource>
  </resources>
</manifest>
`;
}
