/**
 * The measures extractor (src/lib/import/measures.ts) on sentences written the way provincial
 * directives and the reports about them are written. Each test is named after what it guards.
 */
import { describe, expect, it } from 'vitest';
import {
  extractMeasures,
  splitSentences,
  readablePassages,
  scopeOf,
  datesOf,
  MEASURE_RULES,
} from '../../src/lib/import/measures.ts';
import { importText } from '../../src/lib/import/pipeline.ts';
import { MEASURE_CODES } from '../../src/lib/measures.ts';

const codes = (blocks: string[], date = '2021-07-20', titles: string[] = []): string[] =>
  extractMeasures({ blocks, date, titles })
    .map((m) => `${m.code}:${m.action}`)
    .sort();

describe('what the document itself orders', () => {
  it('reads an order to apply Chỉ thị 16 in the province', () => {
    expect(
      codes([
        'Theo đó, UBND tỉnh quyết định áp dụng giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên phạm vi toàn tỉnh ' +
          'từ 0 giờ ngày 19/7/2021.',
      ]),
    ).toEqual(['distancing-ct16:impose']);
  });

  it('does not count a national order that is only quoted', () => {
    expect(
      codes([
        'Thực hiện Công điện số 1063/CĐ-TTg ngày 5/8/2021 của Thủ tướng Chính phủ về việc tăng cường xét nghiệm ' +
          'và cách ly F0 tại nhà, UBND tỉnh yêu cầu các sở, ngành triển khai thực hiện nghiêm.',
        'Tại Công điện, Thủ tướng Chính phủ yêu cầu các địa phương đang áp dụng Chỉ thị 16 hạn chế tối ' +
          'đa người ra đường.',
      ]),
    ).toEqual([]);
  });

  it('does not count what a national grouping says the province falls under', () => {
    expect(
      codes([
        'Theo phân nhóm của Ban Chỉ đạo quốc gia, tỉnh thuộc nhóm nguy cơ thấp và sẽ tiếp tục thực hiện Chỉ thị ' +
          '15 của Thủ tướng.',
      ]),
    ).toEqual([]);
  });

  it('keeps a local order that follows a national basis clause', () => {
    expect(
      codes([
        'Theo tinh thần chỉ đạo của Thủ tướng Chính phủ, Thành ủy yêu cầu tạm dừng tất cả các hoạt động hội họp, ' +
          'sự kiện tập trung trên 20 người.',
      ]),
    ).toEqual(['gatherings:impose']);
  });

  it('does not count measures recalled as background', () => {
    expect(
      codes([
        'Thời gian qua, toàn tỉnh đã thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg và đã kiểm soát được ' +
          'dịch bệnh; nhiều khu vực đã được gỡ phong tỏa.',
        'Tuy nhiên, một số địa phương còn chậm trong tiêm vắc xin, còn chủ quan trong xét nghiệm sàng lọc.',
      ]),
    ).toEqual([]);
  });

  it('does not count a legal-basis list', () => {
    expect(
      codes([
        'Căn cứ Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ về đợt cao điểm phòng, chống dịch; ' +
          'Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực hiện các biện pháp cấp bách ' +
          'phòng, chống dịch COVID-19;',
      ]),
    ).toEqual([]);
  });

  it('reads a local Chỉ thị numbered 16 as a local document, not Chỉ thị 16/CT-TTg', () => {
    expect(
      codes([
        'Các huyện tiếp tục thực hiện nghiêm Chỉ thị số 16/CT-UBND ngày 2/8/2021 của Chủ tịch UBND tỉnh và Chỉ ' +
          'thị 15-CT/TU của Ban Thường vụ Tỉnh ủy.',
      ]),
    ).toEqual([]);
  });

  it('does not read slogans, goals or the standard list of principles as orders', () => {
    expect(
      codes([
        'Mục tiêu của tỉnh là mở rộng vùng xanh, thu hẹp vùng đỏ.',
        'Các cấp ủy quán triệt các quan điểm của Trung ương: “Tiêm vắc xin là quyền lợi và nghĩa vụ ' +
          'của mỗi người dân”.',
        'Kiên trì các nguyên tắc phát hiện sớm, cách ly kịp thời, khoanh vùng gọn, dập dịch triệt để.',
      ]),
    ).toEqual([]);
  });

  it('does not read the 5K list spelled out as health declarations or gatherings', () => {
    expect(
      codes(['6. Thực hiện nghiêm túc 5K: Khẩu trang - Khử khuẩn - Khoảng cách - Không tập trung - Khai báo y tế.']),
    ).toEqual(['masks-5k:impose']);
  });

  it('does not read exemptions as orders', () => {
    expect(
      codes([
        'Áp dụng Chỉ thị số 19/CT-TTg trên địa bàn tỉnh từ 12 giờ ngày 2/10/2021 (trừ các khu vực đang thực hiện ' +
          'phong tỏa hoặc cách ly y tế).',
      ]),
    ).toEqual(['distancing-ct19:impose']);
  });
});

describe('impose or lift', () => {
  it('reads ending Chỉ thị 16 and moving to Chỉ thị 15 as a lift and an impose', () => {
    expect(
      codes([
        'Kết thúc việc áp dụng giãn cách xã hội theo Chỉ thị số 16/CT-TTg kể từ 0 giờ ngày 1/10/2021; chuyển ' +
          'sang thực hiện theo Chỉ thị số 15/CT-TTg.',
      ]),
    ).toEqual(['distancing-ct15:impose', 'distancing-ct16:lift']);
  });

  it('reads easing to Chỉ thị 19 as ordering Chỉ thị 19', () => {
    expect(codes(['Tỉnh nới lỏng giãn cách, áp dụng các biện pháp theo Chỉ thị 19/CT-TTg từ ngày 4/10/2021.'])).toEqual(
      ['distancing-ct19:impose'],
    );
  });

  it('reads reopening, back to school, checkpoints closed and blockades lifted as lifts', () => {
    expect(codes(['Các nhà hàng, quán ăn được phép mở cửa trở lại từ ngày 14/10/2021.'])).toEqual([
      'business-closure:lift',
    ]);
    expect(codes(['Cho phép học sinh lớp 12 đi học trở lại từ ngày 8/11/2021.'])).toEqual(['schools:lift']);
    expect(
      codes(['UBND tỉnh thống nhất tạm dừng hoạt động các chốt kiểm soát dịch trên địa bàn tỉnh từ ngày 25/11/2021.']),
    ).toEqual(['movement:lift']);
    expect(codes(['Gỡ bỏ phong tỏa đối với thôn Đông, xã Tây từ 0 giờ ngày 4/3/2021.'])).toEqual([
      'lockdown-area:lift',
    ]);
    expect(
      codes(['Dừng việc cách ly tập trung đối với người đến từ vùng xanh; dừng tổ chức xét nghiệm miễn phí tại chốt.']),
    ).toEqual(['quarantine:lift', 'testing:lift']);
  });

  it('keeps a negated reopening as an order to stay closed', () => {
    expect(codes(['Các cơ sở karaoke, quán bar chưa được mở cửa trở lại, tiếp tục tạm dừng hoạt động.'])).toEqual([
      'business-closure:impose',
    ]);
    expect(codes(['Các di tích được mở cửa trở lại nhưng không được tổ chức lễ hội đông người.'])).toEqual([
      'business-closure:lift',
      'gatherings:impose',
    ]);
  });

  it('does not mistake "áp dụng" (apply) for "dừng" (stop) once diacritics are folded', () => {
    expect(codes(['Tiếp tục áp dụng giãn cách xã hội theo Chỉ thị 16 đến hết ngày 15/9.'])).toEqual([
      'distancing-ct16:impose',
    ]);
  });

  it('does not mistake "tối đa" (at most) for "đã" (already) once diacritics are folded', () => {
    expect(codes(['Vận động người dân hạn chế tối đa đi lại trong dịp Tết.'])).toEqual(['movement:impose']);
  });
});

describe('page chrome', () => {
  it('skips photo captions, related-news lists and teasers', () => {
    const blocks = [
      'Ngày 5/5/2021, UBND tỉnh ban hành công văn về phòng, chống dịch.',
      'Người dân đeo khẩu trang khi đến chợ. Ảnh: Minh Hoàng',
      'Nhân viên y tế lấy mẫu xét nghiệm cho người dân (Ảnh: TTXVN)',
      'Thủ tướng yêu cầu các địa phương xét nghiệm diện rộng',
      'Hải Phòng chi gần 80 tỷ đồng hỗ trợ người dân gặp khó khăn…',
      'Tin liên quan',
      'Tạm dừng hoạt động karaoke từ ngày 10/5.',
    ];
    expect(readablePassages(blocks)).toEqual(['Ngày 5/5/2021, UBND tỉnh ban hành công văn về phòng, chống dịch.']);
    expect(codes(blocks)).toEqual([]);
  });

  it('reads the last line of an excerpt cut off mid-sentence', () => {
    expect(codes(['Tạm đóng cửa các dịch vụ như massage, vũ trường, các cơ sở làm đẹp, phòng tập gym, th'])).toEqual([
      'business-closure:impose',
    ]);
  });
});

describe('text as written', () => {
  it('reads text typed without diacritics the same', () => {
    expect(
      codes([
        'Tam dung hoat dong cac co so karaoke, massage tren dia ban tinh tu 0 gio ngay 15/9/2021; khong tu ' +
          'tap qua 10 nguoi.',
      ]),
    ).toEqual(['business-closure:impose', 'gatherings:impose']);
  });

  it('keeps "TP. Mỹ Tho" and a numbered item "1." inside one sentence', () => {
    expect(
      splitSentences('1. Phong tỏa tạm thời khu phố 3, TP. Mỹ Tho từ 12 giờ. Người dân không ra khỏi nhà.').map(
        (s) => s.text,
      ),
    ).toEqual(['1. Phong tỏa tạm thời khu phố 3, TP. Mỹ Tho từ 12 giờ.', 'Người dân không ra khỏi nhà.']);
  });

  it('gives one entry per code, its evidence an exact substring of the text', () => {
    const blocks = [
      'Tạm dừng hoạt động các cơ sở karaoke, massage.',
      'Tiếp tục tạm dừng hoạt động quán bar, vũ trường và đóng cửa các phòng tập gym.',
    ];
    const ms = extractMeasures({ blocks, date: '2021-05-05' });
    expect(ms.map((m) => m.code)).toEqual(['business-closure']);
    expect(blocks.some((b) => b.includes(ms[0]!.evidence))).toBe(true);
  });
});

describe('scope and dates', () => {
  it('names the area an order applies to', () => {
    expect(
      scopeOf('Áp dụng giãn cách xã hội theo Chỉ thị 15 đối với toàn bộ huyện Việt Yên từ 12 giờ ngày 18/5/2021.'),
    ).toBe('huyện Việt Yên');
    expect(scopeOf('Tiếp tục giãn cách theo Chỉ thị 16 trên phạm vi toàn tỉnh.')).toBe('toàn tỉnh');
    expect(scopeOf('Xét nghiệm diện rộng cho người dân trên địa bàn TP Bắc Giang.')).toBe('TP Bắc Giang');
    expect(scopeOf('Người đến từ thành phố Hồ Chí Minh phải cách ly tập trung.')).toBeNull();
  });

  it('reads start and end dates, a duration, and a year from the document date', () => {
    expect(datesOf('thực hiện Chỉ thị 16 từ 00 giờ ngày 12-7-2021, thời gian thực hiện 15 ngày', '2021-07-11')).toEqual(
      { from: '2021-07-12', to: '2021-07-26' },
    );
    expect(datesOf('từ 0 giờ ngày 8/9 đến 0 giờ ngày 18/9', '2021-09-07')).toEqual({
      from: '2021-09-08',
      to: '2021-09-18',
    });
    expect(datesOf('từ ngày 2 tháng 8 năm 2021 đến hết ngày 15 tháng 8 năm 2021', null)).toEqual({
      from: '2021-08-02',
      to: '2021-08-15',
    });
    expect(datesOf('cho đến khi có thông báo mới', '2021-07-11')).toEqual({ from: null, to: null });
    expect(datesOf('từ ngày 3/1', '2021-12-30')).toEqual({ from: '2022-01-03', to: null });
  });

  it('gives a measure the start that follows it in its clause, and a duration the start it names', () => {
    const s =
      'cho học sinh nghỉ học từ ngày 3/3 và giãn cách xã hội toàn huyện trong 14 ngày kể từ 0 giờ ngày 5/3/2021';
    expect(datesOf(s, '2021-03-02', s.indexOf('giãn cách'))).toEqual({ from: '2021-03-05', to: '2021-03-18' });
    // the school closure keeps its own start and does not borrow the distancing's 14 days
    expect(datesOf(s, '2021-03-02', s.indexOf('nghỉ học'))).toEqual({ from: '2021-03-03', to: null });
  });
});

describe('rules as data', () => {
  it('has rules for every code, each named', () => {
    for (const c of MEASURE_CODES)
      expect(
        MEASURE_RULES.some((r) => r.code === c),
        c,
      ).toBe(true);
    expect(new Set(MEASURE_RULES.map((r) => r.name)).size).toBe(MEASURE_RULES.length);
  });
});

describe('in the import', () => {
  const report = (body: string): ReturnType<typeof importText> =>
    importText(new TextEncoder().encode(body), 'test.txt');

  it('writes measures into the frontmatter and lists unsure ones under review', () => {
    const r = report(
      [
        'Quảng Ninh chuẩn bị phương án tiêm vắc xin cho trẻ em',
        '',
        'Ngày 8/11/2021, UBND tỉnh Quảng Ninh ban hành Công văn số 8123/UBND-YT về việc tăng cường phòng, ' +
          'chống dịch COVID-19.',
        '',
        'Theo đó, UBND tỉnh yêu cầu bắt buộc đeo khẩu trang nơi công cộng; chuẩn bị kỹ lưỡng các phương án tiêm ' +
          'vắc xin cho trẻ em khi có vắc xin.',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    const fm = r.frontmatter as {
      measures: Array<{ code: string; confidence: number }>;
      review: Array<{ field: string; reason: string }>;
    };
    expect(fm.measures.map((m) => m.code)).toEqual(['masks-5k', 'vaccination']);
    expect(fm.review.filter((x) => x.field === 'measures').map((x) => x.reason)).toEqual([
      expect.stringContaining('vaccination (impose)'),
    ]);
    expect(r.warnings.some((w) => w.code === 'review' && w.message.startsWith('measures: vaccination'))).toBe(true);
    expect(r.mdx).toContain('measures:\n  - code: masks-5k');
  });

  it('writes no measures line for a document that orders nothing concrete', () => {
    const r = report(
      'UBND tỉnh Gia Lai yêu cầu tăng cường lãnh đạo phòng, chống dịch\n\n' +
        'Ngày 8/11/2021, UBND tỉnh Gia Lai ban hành Công văn số 1759/UBND-KGVX về việc tăng cường lãnh đạo, ' +
        'chỉ đạo công tác phòng, chống dịch COVID-19.\n',
    );
    expect(r.ok).toBe(true);
    expect((r.frontmatter as Record<string, unknown>).measures).toBeUndefined();
    expect(r.mdx).not.toContain('measures:');
  });
});

describe('homographs once diacritics are folded', () => {
  it('keeps "chủ động của" (of) apart from "đóng cửa" (close) and "xây dựng" (build) apart from "dừng" (stop)', () => {
    expect(codes(['Nâng cao tính chủ động của doanh nghiệp trong sản xuất, kinh doanh an toàn.'])).toEqual([]);
    expect(codes(['Khẩn trương xây dựng quy chế hộ kinh doanh an toàn, cơ sở dịch vụ an toàn.'])).toEqual([]);
    expect(codes(['Đóng cửa các cơ sở kinh doanh dịch vụ không thiết yếu.'])).toEqual(['business-closure:impose']);
    expect(codes(['Dong cua cac co so kinh doanh dich vu khong thiet yeu.'])).toEqual(['business-closure:impose']);
  });
});

describe('reports of the order itself', () => {
  it('reads "đã chính thức áp dụng … từ 0 giờ ngày …" as the order, and "đã thực hiện … đến nay" as background', () => {
    expect(
      codes([
        'Từ 0 giờ ngày 19/7/2021, tỉnh Vĩnh Long đã chính thức áp dụng giãn cách xã hội theo Chỉ thị 16 trên ' +
          'phạm vi toàn tỉnh.',
      ]),
    ).toEqual(['distancing-ct16:impose']);
    expect(codes(['Từ ngày 19/7/2021 đến nay, tỉnh đã thực hiện giãn cách xã hội theo Chỉ thị 16.'])).toEqual([]);
  });
});

describe('people described by what they did are not background', () => {
  it('reads orders about "người đã tiêm đủ liều" and people from provinces "đang thực hiện" distancing', () => {
    expect(codes(['F1 đã tiêm đủ liều cách ly tại nhà 7 ngày và làm xét nghiệm vào ngày thứ 7.'])).toEqual([
      'quarantine:impose',
      'testing:impose',
    ]);
    expect(
      codes([
        'Người từ các tỉnh đang thực hiện giãn cách xã hội theo Chỉ thị 16 về tỉnh phải khai báo y tế và cách ly ' +
          'tập trung 14 ngày.',
      ]),
    ).toEqual(['health-declaration:impose', 'quarantine:impose']);
    expect(codes(['Khách phải có kết quả xét nghiệm âm tính trong vòng 72 giờ.'])).toEqual(['testing:impose']);
    expect(codes(['Tỉnh đã xét nghiệm hơn 10 triệu mẫu, đã cách ly tập trung hơn 20.000 người.'])).toEqual([]);
  });
});

describe('what is not yet ordered', () => {
  it('does not read "chưa áp dụng" (not yet applied) or "sẽ áp dụng" (will apply) as an order', () => {
    expect(codes(['Hiện tỉnh chưa áp dụng giãn cách xã hội theo Chỉ thị 16.'])).toEqual([]);
    expect(codes(['Nếu số ca mắc tăng nhanh, tỉnh sẽ áp dụng giãn cách xã hội theo Chỉ thị 16.'])).toEqual([]);
  });
});

describe('proposals are not orders', () => {
  it('does not read a proposal to a higher body as the measure ordered', () => {
    expect(
      codes([
        'UBND thành phố đã có văn bản đề xuất UBND tỉnh xem xét áp dụng giãn cách xã hội theo Chỉ thị 16 ' +
          'trên toàn thành phố.',
      ]),
    ).toEqual([]);
    expect(codes(['UBND huyện đề nghị UBND tỉnh xem xét cho phép các cơ sở karaoke hoạt động trở lại.'])).toEqual([]);
    expect(codes(['Đề nghị người dân hạn chế ra khỏi nhà, chỉ ra ngoài khi thật sự cần thiết.'])).toEqual([
      'movement:impose',
    ]);
  });
});
