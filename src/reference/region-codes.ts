/** A Kemendagri region code: a province ('36') or a kabupaten/kota ('36.71'). */
export const REGION_CODE = /^\d{2}(\.\d{2})?$/;
