/**
 * The national documents provinces answered to, with their official numbers, dates and titles:
 * the one list the hub pages (/dan-chieu/<slug>/), the national timeline's marks and response
 * times use. Only facts checked against the documents' own headings; a title not confirmed is
 * left null rather than guessed. Looked up by number key, so "16/CT-TTg", "16-CT/TTg" and
 * "16/CT-TTG" find the same entry.
 */
import { docNumberKey } from './doc-number.ts';

export interface NationalDocumentFact {
  /** official number as printed ("16/CT-TTg") */
  number: string;
  /** document type ("Chỉ thị", "Nghị quyết", "Quyết định") */
  docType: string;
  /** who issued it */
  issuer: string;
  /** date of issue, ISO */
  date: string;
  /** the official title (trích yếu), or null when not confirmed */
  title: string | null;
}

export const NATIONAL_DOCUMENTS: readonly NationalDocumentFact[] = [
  {
    number: '05/CT-TTg',
    docType: 'Chỉ thị',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-01-28',
    title: 'Về việc phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona gây ra',
  },
  {
    number: '11/CT-TTg',
    docType: 'Chỉ thị',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-03-04',
    title:
      'Về các nhiệm vụ, giải pháp cấp bách tháo gỡ khó khăn cho sản xuất kinh doanh, bảo đảm an sinh xã hội ứng ' +
      'phó với dịch COVID-19',
  },
  {
    number: '15/CT-TTg',
    docType: 'Chỉ thị',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-03-27',
    title: 'Về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19',
  },
  {
    number: '16/CT-TTg',
    docType: 'Chỉ thị',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-03-31',
    title: 'Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19',
  },
  {
    number: '447/QĐ-TTg',
    docType: 'Quyết định',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-04-01',
    title: 'Về việc công bố dịch COVID-19',
  },
  {
    number: '42/NQ-CP',
    docType: 'Nghị quyết',
    issuer: 'Chính phủ',
    date: '2020-04-09',
    title: 'Về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch COVID-19',
  },
  {
    number: '19/CT-TTg',
    docType: 'Chỉ thị',
    issuer: 'Thủ tướng Chính phủ',
    date: '2020-04-24',
    title: 'Về tiếp tục thực hiện các biện pháp phòng, chống dịch COVID-19 trong tình hình mới',
  },
  {
    number: '68/NQ-CP',
    docType: 'Nghị quyết',
    issuer: 'Chính phủ',
    date: '2021-07-01',
    title: 'Về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19',
  },
  {
    number: '128/NQ-CP',
    docType: 'Nghị quyết',
    issuer: 'Chính phủ',
    date: '2021-10-11',
    title: 'Ban hành Quy định tạm thời “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”',
  },
  {
    number: '4800/QĐ-BYT',
    docType: 'Quyết định',
    issuer: 'Bộ Y tế',
    date: '2021-10-12',
    title:
      'Về việc ban hành Hướng dẫn tạm thời chuyên môn y tế thực hiện Nghị quyết số 128/NQ-CP ngày ' +
      '11/10/2021 của Chính phủ',
  },
  // Date as the provinces' directives cite it ("Chỉ thị số 35/CT-TTg ngày 31/12/2021"); title not confirmed here.
  { number: '35/CT-TTg', docType: 'Chỉ thị', issuer: 'Thủ tướng Chính phủ', date: '2021-12-31', title: null },
];

const byKey = new Map<string, NationalDocumentFact>();
for (const d of NATIONAL_DOCUMENTS) byKey.set(docNumberKey(d.number)!, d);

/** The national document with this number, written any way, or undefined. */
export function nationalDocumentFact(number: string): NationalDocumentFact | undefined {
  const key = docNumberKey(number);
  return key ? byKey.get(key) : undefined;
}

/** By comparison key ("16:CT:TTG"), as the archive stores national documents. */
export function nationalDocumentByKey(key: string): NationalDocumentFact | undefined {
  return byKey.get(key);
}
