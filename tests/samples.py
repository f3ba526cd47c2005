"""Sample case texts and file builders for the service, CLI and PostgreSQL tests, and a
snapshot of everything a library stores (to prove that a refused input stored nothing).

The texts are invented reform cases without place or person names. Each carries words
the others lack, so a search can tell them apart.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

# A ~1,500-character case: 企业开办 (company start-up). The near-duplicate tests edit a few of
# its sentences; KAIBAN_OTHER is a different case on the same topic.
KAIBAN = [
    "过去，企业开办需要分别到市场监管、公安、税务、人力社保、银行等多个部门，依次办理营业执照、公章刻制、"
    "发票申领、社保登记和银行开户，申请人往返跑动多次，重复提交材料十余份，全流程平均耗时五个工作日以上，"
    "企业和群众对此反映强烈。",
    "为破解这一难题，我们以企业开办一件事为抓手，对照国内先进做法，梳理企业开办全流程涉及的二十三个事项，"
    "逐项明确办理条件、申请材料和办理时限，形成统一的办事指南和标准化的业务规范，做到同一事项同一标准。",
    "依托政务服务网建设企业开办一网通办专区，申请人只需登录一次、填报一张表单，系统即可将数据自动推送至各部门"
    "业务系统，实现信息一次采集、多方复用，后台并联审批、同步办理，全程无需再次录入。",
    "在线下，政务服务中心设立企业开办综合窗口，推行前台综合受理、后台分类审批、统一窗口出件的模式，窗口人员"
    "经过集中培训，能够一次性解答开办企业的各类问题，并为申请人提供全程帮办代办服务。",
    "推广电子营业执照和电子印章同步发放，企业在领取电子营业执照的同时免费获得一套电子印章，可直接用于网上办理"
    "涉税、社保、公积金等业务，真正做到企业开办零成本，刻章费用由财政统一承担。",
    "税务部门将发票申领与税控设备发放合并办理，新办纳税人首次申领发票实现当日办结；人力社保部门同步完成单位"
    "参保登记，银行开户预约信息通过平台实时推送给开户银行，银行在一个工作日内完成账户开立。",
    "建立企业开办全流程监测机制，对每一个环节的办理时长进行实时统计，超过时限自动预警，并将监测结果纳入部门"
    "绩效考核，倒逼各环节压缩时间、提高效率，每月通报各部门的办理情况。",
    "改革实施以来，企业开办时间由五个工作日压缩至半个工作日以内，申请材料由十八份减少至五份，全年新设立企业"
    "一万两千余家，同比增长百分之十八，企业满意度达到百分之九十九以上。",
    "在推进过程中，我们注重听取企业意见，通过政企恳谈会、网上问卷和窗口评价等渠道收集改进建议二百余条，"
    "逐条研究落实，对办事指南中表述不清的条目重新编写，对系统中操作繁琐的页面重新设计。",
    "同时加强部门之间的数据共享，打通市场监管、税务、人力社保、公积金和银行之间的数据接口，建立企业开办数据"
    "交换目录，明确共享字段和更新频率，确保数据准确、及时、完整，避免企业重复填报。",
    "为保障改革落地，成立由分管负责同志牵头的工作专班，建立周调度、月通报制度，对改革中遇到的系统对接、数据"
    "标准、业务衔接等问题实行清单化管理，明确责任单位和完成时限，办结一项、销号一项。",
    "针对部分申请人不熟悉网上操作的情况，编制图文并茂的操作手册和短视频教程，在政务服务中心设置自助办理区，"
    "配备导办人员现场指导，对老年人等群体保留线下办理渠道，做到线上线下服务同质同标。",
    "在信用监管方面，对企业开办环节作出的承诺实行信用记录，对虚假承诺的申请人依法撤销登记并纳入失信名单，"
    "以信用约束保障告知承诺制的有效运行，形成守信便利、失信受限的良好氛围。",
    "改革经验已在全省复制推广，多个兄弟单位前来考察交流，相关做法被列为优化营商环境典型案例，企业开办便利度"
    "在营商环境评价中连续两年位居前列，成为展示地方营商环境的一张名片。",
    "此外，我们还将企业开办与银行服务有效衔接，银行机构入驻政务服务中心，企业领取营业执照后可在现场预约开户，"
    "并同步享受首贷咨询、结算费用减免等金融服务，降低新设企业的经营成本。",
    "下一步，将进一步拓展企业开办一件事的服务范围，把住房公积金缴存登记、医保登记等事项纳入集成办理，推动企业"
    "开办从能办向好办、易办转变，持续优化营商环境，让企业开办像网购一样便捷。",
]

# The same case with a few sentences rewritten: a near-duplicate.
KAIBAN_EDITED = list(KAIBAN)
KAIBAN_EDITED[3] = (
    "线下方面，政务服务大厅开设企业开办专区，安排专人值守，为申请人提供咨询、帮办和代办服务，"
    "做到有问必答、有求必应。"
)
KAIBAN_EDITED[7] = (
    "改革以来，企业开办时间由五个工作日压缩至四个小时，申请材料由十八份减少至四份，全年新设立企业"
    "一万一千余家，企业满意度超过百分之九十八。"
)
KAIBAN_EDITED[15] = (
    "今后，还将把更多关联事项纳入企业开办一件事，推动企业开办更加便利，持续优化营商环境。"
)

# Another case on the same topic: shares the vocabulary, not the text.
KAIBAN_OTHER = [
    "针对企业开办过程中名称申报难、经营范围填写不规范的问题，推行企业开办智能审批，申请人在线选择经营范围条目，"
    "系统自动生成章程和股东决定，营业执照由系统自动核准，无需人工审核。",
    "智能审批覆盖有限责任公司、个人独资企业和合伙企业三类主体，申请人通过政务服务网提交申请后，最快十分钟即可"
    "领取电子营业执照，同步完成公章刻制和发票申领。",
    "实施一年来，智能审批办理企业开办业务四千余件，平均办理时间缩短至二十分钟，退件率下降七成，企业开办更加规范、"
    "便捷，窗口工作人员从重复的人工审核中解放出来，转向帮办代办服务。",
]

SHENPI = [
    "工程建设项目审批改革",
    "对社会投资低风险小型工业项目推行告知承诺制，建设单位签署承诺书后即可领取施工许可证，审批时间压缩一半。",
    "推行联合验收和多测合一，规划、消防、人防等专项验收由一次联合验收替代，测绘成果一次提交、多方共享。",
]

NASHUI = [
    "非接触式办税",
    "推行非接触式办税，纳税人足不出户即可通过电子税务局办理申报、缴税和发票领用等涉税事项。",
    "减税降费政策通过系统自动推送，符合条件的企业免申即享，留抵退税办理时间压缩至三个工作日。",
]

TONGGUAN = [
    "跨境贸易通关便利化",
    "推行进口货物提前申报和两步申报，货物抵港前完成申报手续，抵港后即可提离，通关时间大幅压缩。",
    "建设国际贸易单一窗口，报关、报检和船舶申报一次提交，跨境电商企业通关成本降低三成。",
]

DIANLI = [
    "获得电力一次都不跑",
    "低压小微企业用电报装实行零上门、零审批、零投资，供电企业主动对接园区项目，接电时间压缩至十五个工作日。",
]


def text_of(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def markdown(title: str, paragraphs: list[str]) -> str:
    return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def scanned_pdf_bytes() -> bytes:
    """A PDF whose only page is an image: what a scanner produces (no text layer)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (240, 120), "white")
    for x in range(20, 220):
        image.putpixel((x, 60), (0, 0, 0))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 50, 500, width=400, height=200)
    c.showPage()
    c.save()
    return out.getvalue()


def truncated(data: bytes) -> bytes:
    """The first half of a file: what an interrupted upload or copy leaves."""
    return data[: len(data) // 2]


def xls_bytes() -> bytes:
    """The start of an Excel 97-2003 workbook (an OLE2 container): not a case document."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + b"\x3e\x00\x03\x00\xfe\xff"
        + b"\x00" * 4000
    )


def stored_files(lib) -> set[str]:
    """The SHA-256 names of every file in the content-addressed store (temp files too)."""
    root = Path(lib.files.root)
    if not root.exists():
        return set()
    return {p.name for p in root.rglob("*") if p.is_file()}


def library_state(lib) -> dict[str, Any]:
    """Everything a submission or an ingest could leave behind: rows of every table that
    records cases, the files in the store, the documents in the index."""
    from sqlalchemy import func, select

    from library.models import AuditEvent, Case, CaseTag, Counter, Document

    with lib.db.session() as s:
        rows = {
            "cases": s.scalar(select(func.count()).select_from(Case)),
            "documents": s.scalar(select(func.count()).select_from(Document)),
            "case_tags": s.scalar(select(func.count()).select_from(CaseTag)),
            "audit_events": s.scalar(select(func.count()).select_from(AuditEvent)),
            "counters": sorted(s.execute(select(Counter.name, Counter.value)).all()),
        }
    return {**rows, "files": stored_files(lib), "index": sorted(lib.index.case_nos())}


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``caselib`` subprocess: this library, two ingest workers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELIB_")}
    from tests.conftest import TEST_PASSWORD_HASH

    env.update(
        {
            "CASELIB_HOME": str(home),
            "CASELIB_INGEST_WORKERS": "2",
            "CASELIB_PASSWORD_HASH": TEST_PASSWORD_HASH,
            **extra,
        }
    )
    return env
