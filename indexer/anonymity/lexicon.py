"""Word lists of the anonymity check (public knowledge, curated here).

Surnames, person titles and cue words, zone and organisation suffixes, words that look
like names but are not, and the marks of text that is already anonymised.
"""

from __future__ import annotations

import re

# Chinese surnames: about 330 common single-character ones (in the rough order of the
# 公安部 household statistics) and the compound ones still in use. Rare surnames that
# are mostly other words (银, 玉, 海, 国, 和, 明, 平, 南 ...) are left out: in the cue
# windows they cause more false alarms (银龄工程师, 和专职人员) than they find names.
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲"
    "虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜阚帅屠朴廉"
    "禹祖漆卿狄索晋扈晁芮阙浦鹿薄邸雍辜裘亓修邰赫杭宿鲜印逯茹慕亢嵇湛戎茅尉檀昝洪傅赖阎萧习凤贝竺畅"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 澹台 呼延 独孤 南宫 "
    "西门 东郭 闻人 赫连 轩辕 百里 钟离 申屠 第五 太史 濮阳 淳于 单于 公冶 宗政 鲜于 闾丘 司空 "
    "拓跋 万俟 左丘 梁丘 公羊 谷梁 乐正 漆雕 壤驷 巫马 公西 颛孙 段干 东门 羊舌 微生 即墨".split()
)
# Rarer surnames (幸, 汝, 展, 眭, 訾, 蒯 ...): candidates of the name model (``names``), which
# weighs how rare they are; not used by the cue windows.
RARE_SURNAMES = frozenset(
    "幸汝展宣桓眭訾笪蒯隗揭逄郗禤仉羿靖琚贲乜闾庹殳钭酆郦雒丘戈鄂况敬荀蓟巢冒母代计初云邴旷练佴郏镡"
)
# Common Japanese family names (佐藤, 铃木, 高桥 ...), as they are written in Chinese news.
JAPANESE_SURNAMES = frozenset(
    "佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤 吉田 山田 佐佐木 山口 松本 井上 木村 "
    "斋藤 清水 山崎 池田 桥本 阿部 石川 山下 中岛 石井 小川 前田 冈田 长谷川 藤田 后藤 近藤 "
    "村上 远藤 青木 坂本 福田 太田 西村 藤井 金子 冈本 藤原 中野 三浦 原田 中川 松田 竹内 小野 "
    "田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宫崎 宫本 内田 高木 安藤 岛田 谷口 大野 "
    "高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 增田 小山 大塚 平野 菅原 久保 松井 千叶 岩崎 "
    "樱井 木下 野口 松尾 菊池 野村 新井 渡部 安倍 岸田 麻生 鸠山 小泉 小渊 细川 羽田 村山 海部 "
    "宇野 竹下 中曾根 石破 岩屋 茂木 二阶 野田 菅 大平 宫泽 福岛 小池 稻田 片山 高市 林田 "
    "秋山 北村 西田 吉川 山内 松下 盛田 稻盛 川端 黑泽 东野 武藤 加藤 斋藤 佐野 水野 "
    "服部 大西 小西 中西 今村 荒木 浅野 大久保 小松 北川 久米 五十岚 宫下 冈崎 松冈 "
    "堀江 野上 市川 平田 吉野 青山 土屋 星野 永井 岩田 关口 樋口 西川 川口 中田 古川 "
    "桑原 内藤 安田 松浦 本间 前原 枝野 岸 玉木 志位 福山 山际 林芳 上川 林芳正 赤泽".split()
)
# Surnames that are also everyday function characters; "和主席", "于同志" are not names,
# so they never form a "surname + title" reference (周总理, 张局长) on their own.
AMBIGUOUS_SURNAMES = frozenset(
    "和于向从以万全文安成时常高方左右上下东南西北原前后代各本我你他们新老小大副正总大国公"
    "平明利信云来元由南海强花门相初都普乐区党任"
)

# Titles that follow a name (殷勇同志, 张三局长), longest first when compiled.
TITLES_AFTER = (
    "同志 先生 女士 老师 师傅 教授 博士 院士 研究员 "
    "书记 副书记 总书记 省长 副省长 代省长 市长 副市长 代市长 县长 副县长 代县长 区长 副区长 镇长 "
    "副镇长 乡长 副乡长 村长 主任 副主任 常务副主任 部长 副部长 厅长 副厅长 局长 副局长 处长 副处长 "
    "科长 副科长 股长 所长 副所长 站长 队长 组长 副组长 社长 院长 副院长 校长 副校长 行长 副行长 "
    "主席 副主席 委员长 副委员长 总理 副总理 国务委员 秘书长 副秘书长 主任委员 "
    "董事长 副董事长 总经理 副总经理 经理 总监 总工程师 总规划师 总会计师 理事长 会长 副会长 "
    "检察长 副检察长 庭长 审判长 法官 检察官 警官 律师 会计师 工程师 医生 记者 主持人 "
    "调研员 专员 科员 干部 支书 村支书 委员"
).split()
# Titles and roles that precede a name (省长 王予波, 联系人：杨扬, 本报记者 戴冰).
TITLES_BEFORE = (
    "书记 副书记 省长 副省长 代省长 市长 副市长 代市长 县长 副县长 区长 副区长 镇长 乡长 村长 "
    "主任 副主任 部长 副部长 厅长 副厅长 局长 副局长 处长 副处长 科长 副科长 所长 站长 队长 组长 "
    "副组长 社长 院长 副院长 校长 行长 主席 副主席 代理主席 总理 副总理 秘书长 副秘书长 "
    "董事长 总经理 经理 理事长 会长 检察长 庭长 矿长 厂长 "
    "工程师 总工程师 副总工程师 总规划师 总会计师 总经济师 "
    "记者 本报记者 通讯员 摄影记者 编辑 责任编辑 作者 "
    "联系人 负责人 责任人 直接责任人 审核人 填报人 经办人 申报人 报告人 主持人 发言人 代理人 "
    "法定代表人 当事人 举报人 投诉人 申请人 委托人 签发人 起草人 撰稿人 姓名 成员 召集人 副召集人"
).split()
# Roles after which a name follows directly, even with no colon or space
# (直接责任人芦艾林, 联系人杨扬).
ROLE_WORDS = frozenset(
    "联系人 负责人 责任人 直接责任人 审核人 填报人 经办人 申报人 报告人 主持人 发言人 代理人 "
    "法定代表人 当事人 举报人 投诉人 申请人 委托人 签发人 起草人 撰稿人 姓名 召集人 副召集人".split()
)

# Words for people and titles that a name follows in apposition (村民姜德明, 总统特朗普,
# 民警彭浩), for the name model: the titles before names above and more.
PERSON_WORDS_BEFORE = tuple(
    sorted(
        set(TITLES_BEFORE)
        | (set(TITLES_AFTER) - {"同志", "先生", "女士", "干部", "委员"})
        | set(
            "人员 职工 员工 市民 群众 村民 居民 农民 牧民 渔民 茶农 果农 菜农 花农 代表 个体户 店主 "
            "老板 老板娘 党员 干部 创始人 合伙人 主人 丈夫 妻子 儿子 女儿 父亲 母亲 爷爷 奶奶 "
            "哥哥 姐姐 弟弟 妹妹 老伴 同事 同学 队友 徒弟 老党员 志愿者 专家 学者 教师 医生 护士 "
            "网格员 办事员 联络员 代办员 帮办员 护林员 护堤员 快递员 外卖员 技术员 农技员 "
            "邮递员 司机 民警 辅警 消防员 法官 村支书 支书 业主 创业者 法人 企业家 作家 导演 "
            "演员 歌手 歌唱家 画家 诗人 选手 运动员 教练 主教练 球员 冠军 总统 首相 外长 外相 "
            "国务卿 大使 议长 国王 女王 王子 首席执行官 总裁 董事 政治局委员 政治局常委 "
            "国家主席 委员 常委 州长 旗长 盟长 专员 大臣 外交大臣 财政大臣 首席部长 副总统 总督 酋长 亲王 元帅 将军 参议员 众议员 议员 市长 部长 秘书长 总干事 总裁 主席 行政长官 特首 外交部长 国防部长 外交部发言人 发言人 摄影师 记者 通讯员 编辑 老人 小伙 姑娘 大姐 大哥 老师 教授 院士 "
            "研究员 分析师 经济学家 科学家 工程师 设计师 留学生 游客 居民 工人 老工人 老技工 "
            "绣娘 歌师 艺人 传承人 匠人 厂长 矿长 站长 所长 行长 社长 船长 机长 班长 组长 大户 "
            "种粮大户 养殖户 农户 商户 经营户 摊主 向导 导游 讲解员 治沙人 护林人 守林人 "
            "带头人 领头人 致富带头人 能手 户主 房东 店长 厨师 医师 药师 律师 会计 教练员 "
            "裁判 队长 主播 网红 博主 学生 研究生 博士生 大学生 村官 书记员 检察员 审判员 "
            "模范 劳动模范 劳模 标兵 英雄 烈士 战士 女工 工人 下岗职工 馆长 团长 政委 "
            "司令员 军长 师长 旅长 科学家 艺术家 作曲家 指挥家 书法家 画家 摄影家 商人 "
            "种植户 种植大户 承包户 图为 图中 亲王 国王 村医 乡医 校医 军医 兽医 牙医 "
            "乡村医生 家庭医生 老中医 护工 保姆 月嫂 网格长 楼栋长 调解员 宣讲员 巡河员 "
            # parties and people of court and crime news (被告人李秀兰犯盗窃罪)
            "被告人 被告 原告 犯罪嫌疑人 嫌疑人 被害人 受害人 上诉人 被上诉人 被执行人 "
            "罪犯 证人 死者 伤者 遇难者 患者 病人 名叫 叫作 取名".split()
        ),
        key=len,
        reverse=True,
    )
)
# More words for people a news story names a person by (邻居钱玉珍, 外婆梁爽), looked up
# by the check but not by the name model's fit (``namemodel.context_features``: fitted
# with them, the model reported 16 more words of government prose as names).
PERSON_WORDS_MORE = tuple(
    "邻居 老邻居 老乡 战友 好友 老友 师傅 师父 外婆 外公 姥姥 姥爷 孙子 孙女 外孙 "
    "外孙女 侄子 侄女 儿媳 女婿 老伴儿".split()
)
# Titles of heads of state and government, ministers and envoys, before foreign names
# (总统普京, 总理科尔): enough for a two-character transliteration.
STATE_TITLES = frozenset(
    "总统 副总统 总理 副总理 首相 外长 外相 外交大臣 大臣 主席 国王 亲王 女王 王储 国务卿 大使 "
    "议长 秘书长 副秘书长 总干事 总裁 部长 外交部长 国防部长 财政部长 总督 元首 总书记".split()
)
PERSON_TITLES_AFTER = tuple(
    sorted(
        set(TITLES_AFTER)
        | set(
            "总统 首相 外长 外相 大使 国务卿 老人 大姐 大哥 大叔 大妈 阿姨 师傅 夫妇 一家 家 "
            "老先生 老太太 亲王 国王 王子 公主 阁下 陛下 殿下 "
            # forms of address and groups named after a person (张建华大爷, 陈立新课题组)
            "大爷 大娘 大伯 大婶 大嫂 奶奶 爷爷 婆婆 老汉 老伯 阿婆 老两口 同学 小朋友 "
            "课题组 工作室".split()
        ),
        key=len,
        reverse=True,
    )
)

# Characters that do not occur in given names: organisation words (局, 办), particles
# and function words (的, 和, 在), 籍 (宁波籍院士), so 张家口市 or 王局的 are not names.
NOT_IN_GIVEN = frozenset(
    "局部委办厅处室院所省市县区镇乡村街道的了和与及在是为等各摄说讲对被把将由于以们年月日号"
    "也都就还又很更最已并而或之个位名次届项条款章节籍"
)

# Verbs that often follow a name in government prose (王正谱作政府工作报告, 王雁峰受到处分).
# Weaker than a title: jieba must tag the name as a name.
VERB_CUES = (
    "作政府工作报告 作工作报告 作报告 作讲话 指出 强调 表示 主持 出席 讲话 致辞 会见 批示 签发 "
    "受到 被授予 荣获 担任 兼任 代表"
).split()

# Characters of transliterated names (Uyghur, Tibetan, Mongolian, Western), for names
# written with a middle dot: 艾尔肯·吐尼亚孜, 布茹玛汗·毛勒朵; not 美丽山西·全民行动.
TRANSLIT_CHARS = frozenset(
    "阿艾爱安昂奥敖巴拜班邦保鲍贝本比彼毕宾波伯博布才查察达戴丹道得德登迪蒂丁东都杜敦多朵"
    "额厄恩尔法范菲费芬丰佛弗夫福伏盖甘冈高戈哥格根古瓜哈海汗罕豪浩合何赫黑亨洪侯胡华怀吉加"
    "嘉贾杰捷金京久居卡凯坎康考柯科可克肯库夸奎昆拉来莱赖兰朗劳勒雷蕾黎里理力利丽莉连廉林琳"
    "玲凌留柳龙隆卢鲁路伦罗洛马玛迈麦曼芒毛梅美门蒙孟米密敏明摩莫默木穆那纳娜奈南楠内妮尼聂"
    "宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰强乔切钦琴青琼秋曲热仁日茹儒瑞若萨塞赛桑瑟森沙莎山善"
    "尚舍什史斯松苏索塔泰坦汤唐特滕提铁廷汀通图吐托瓦万汪旺威维魏温文沃乌吾武西希锡夏仙香肖"
    "谢辛欣兴休徐雅亚扬杨姚耶叶伊依易因尤于玉元约云扎泽曾詹张珍郑芝志卓孜宗祖佐尕措嘎玛央拉"
    "卓次旦仓增顿琼巴桑平措罗布次仁多吉达瓦白玛才让东智别"
    "翰密买提甫丝茜兹茨逊黛琪蒂霍娅萨汉森顿伯弗申歇历呷舒詹姆"
    # of the Xinhua transliteration table, rare in the names the scores were counted on
    "缪圭"
)

# Names that are not identifying in a case: leaders and thinkers named in the formulae of
# government prose ("习近平新时代中国特色社会主义思想", "马克思主义").
PUBLIC_FIGURES = frozenset(
    "习近平 毛泽东 邓小平 江泽民 胡锦涛 马克思 恩格斯 列宁 斯大林 孙中山 毛主席".split()
)

# Foreign heads of state and government, envoys and other people of international news
# since the 1990s, written as Chinese news writes them (叶利钦, 克林顿, 安倍晋三): the
# transliteration rules need a title or a verb beside a name, and some of these are words
# of jieba's dictionary tagged as places (奥巴马 ns). Not 华盛顿, 林肯, 牛顿 (places,
# things), 卡特, 加利, 布朗 (parts of other words and names).
FOREIGN_FIGURES = frozenset(
    "叶利钦 戈尔巴乔夫 梅德韦杰夫 普京 普里马科夫 切尔诺梅尔金 拉夫罗夫 克林顿 布什 奥巴马 "
    "特朗普 拜登 蓬佩奥 布林肯 奥尔布赖特 鲍威尔 希拉里 基辛格 尼克松 里根 肯尼迪 施罗德 "
    "默克尔 朔尔茨 希拉克 萨科齐 奥朗德 马克龙 布莱尔 卡梅伦 特雷莎·梅 苏纳克 斯塔默 "
    "桥本龙太郎 小渊惠三 小泉纯一郎 安倍晋三 福田康夫 鸠山由纪夫 野田佳彦 菅义伟 岸田文雄 "
    "石破茂 金大中 卢武铉 李明博 朴槿惠 文在寅 尹锡悦 金正日 金正恩 金日成 安南 潘基文 "
    "古特雷斯 阿拉法特 阿巴斯 内塔尼亚胡 拉宾 穆巴拉克 萨达姆 卡扎菲 卡斯特罗 查韦斯 马杜罗 "
    "卢拉 曼德拉 甘地 莫迪 纳扎尔巴耶夫 托卡耶夫 卢卡申科 泽连斯基 埃尔多安 鲁哈尼 哈梅内伊 "
    "苏哈托 马哈蒂尔 李光耀 李显龙 洪森 西哈努克 杜特尔特 阿尔巴尼斯 特鲁多 梅洛尼 "
    "贝卢斯科尼 冯德莱恩 斯托尔滕贝格 马斯克 乔布斯 巴菲特 爱因斯坦 达尔文 莎士比亚 "
    "贝多芬 莫扎特 拿破仑 丘吉尔 罗斯福 戴高乐".split()
)

# Words that a surname-initial shape would take for a name (广大同志, 全体同志 ...)
# beyond what the jieba dictionary already says.
NOT_NAMES = frozenset(
    "广大 全体 相关 有关 主要 分管 常务 负责 领导 基层 青年 老年 年轻 优秀 先进 模范 申请 "
    "代表 委员 干部 群众 党员 职工 同学 各位 诸位 列席 其他 以上 以下 上述 全国 全省 全市 全县 "
    "国家 国务 政府 人大 政协 党委 纪委 监委 法院 检察 公安 司法 财政 审计 统计 发展 改革 "
    "经济 社会 文化 教育 科技 卫生 交通 水利 农业 商务 金融 市场 监管 应急 生态 环境 资源 "
    "自治区 人民 市民 村民 居民 农民 工人 企业 法人 个人 本人 他人 某某 某人".split()
)

# Already anonymised: 某市, 某县, XX区, ××镇, ＊＊街道, 张某, 王某某, 李XX.
ANON_MARK = re.compile(r"某|[XxＸｘ×＊*○〇]{1,3}")

# Tags jieba gives the words of an organisation name (市场/n 监督/vn 管理局/n, 港航/j
# 口岸/s 和/c 渔业局/n); a verb, adverb or number means the sentence went on.
ORG_WORD_TAGS = frozenset("n nt nz nr ns vn j s b a an ng c l".split())

# Words after a place that make it part of a village or street name (河南村, 中山路).
LOCAL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("社区", "某社区"),
    ("大道", "某大道"),
    ("大街", "某街"),
    ("村", "某村"),
    ("路", "某路"),
    ("街", "某街"),
    ("巷", "某巷"),
)

# Rivers, lakes and mountains whose two-character names are no other word (长江, 洱海,
# 嵩山): reported without a word beside them that says a river or mountain is meant.
FAMOUS_GEO = frozenset(
    "长江 黄河 珠江 淮河 海河 辽河 汉江 湘江 赣江 闽江 漓江 乌江 怒江 岷江 沱江 渭河 汾河 "
    "洛河 泾河 湟水 瓯江 韩江 邕江 浔江 资江 沅江 澧水 塔河 滇池 洱海 巢湖 太湖 西湖 泰山 "
    "华山 衡山 恒山 嵩山 黄山 庐山 秦岭 燕山 天山 阴山 峨眉 崂山 雁荡 普陀".split()
)
# Regions that are no division (华北, 关中, 长三角, 北部湾): possible places. Directions
# that name regions (东北, 西北, 西南) only before 地区, 振兴 … or listed with another.
REGIONS = (
    "长三角 珠三角 长江三角洲 珠江三角洲 华北 华东 华南 华中 华西 关中 陕北 陕南 苏南 "
    "苏北 苏中 皖南 皖北 浙东 浙西 浙南 浙北 闽南 闽东 闽西 闽北 粤东 粤西 粤北 豫东 豫西 "
    "豫南 鲁西南 鲁中 冀中 晋北 晋南 川西 川南 川东 滇西 滇南 黔东 桂北 湘西 湘南 鄂西 "
    "赣南 辽西 辽东 北部湾 河西走廊 青藏高原 云贵高原 黄土高原 内蒙古高原 四川盆地 "
    "塔里木盆地 准噶尔盆地 柴达木盆地 华北平原 东北平原 江汉平原 成都平原 珠江口 渤海湾 "
    "前藏 后藏 康巴 中原地区 江淮地区 江南地区 岭南地区"
).split()
DIRECTION_REGIONS = ("东北", "西北", "西南", "东南", "江南", "中原")
DIRECTION_REGION_AFTER = re.compile(
    "地区|振兴|全面振兴|三省|老工业基地|平原|水乡|沿海|片区|经济区|等地|各省|五省"
)

# Development-zone suffixes, longest first: (suffix, replacement).
ZONE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("高新技术产业开发区", "某高新区"),
    ("高新技术产业园区", "某高新区"),
    ("经济技术开发区", "某开发区"),
    ("自由贸易试验区", "某自贸试验区"),
    ("综合保税区", "某综合保税区"),
    ("保税港区", "某保税港区"),
    ("经济开发区", "某开发区"),
    ("工业开发区", "某开发区"),
    ("产业开发区", "某开发区"),
    ("旅游度假区", "某度假区"),
    ("产业集聚区", "某产业集聚区"),
    ("自贸试验区", "某自贸试验区"),
    ("自贸片区", "某片区"),
    ("高新区", "某高新区"),
    ("经开区", "某开发区"),
    ("开发区", "某开发区"),
    ("工业园区", "某园区"),
    ("产业园区", "某园区"),
    ("科技园区", "某园区"),
    ("工业园", "某园区"),
    ("产业园", "某园区"),
    ("科技园", "某园区"),
    ("科学城", "某科学城"),
    ("保税区", "某保税区"),
    ("示范区", "某示范区"),
    ("试验区", "某试验区"),
    ("合作区", "某合作区"),
    ("度假区", "某度假区"),
    ("商务区", "某商务区"),
    ("新片区", "某片区"),
    ("片区", "某片区"),
    ("新区", "某新区"),
    ("新城", "某新城"),
    ("园区", "某园区"),
    ("港区", "某港区"),
    ("基地", "某基地"),
)
# Words between a stem and a zone suffix that describe the zone, not the sentence
# (东湖新技术开发区, 杨凌农业高新技术产业示范区, 宁东能源化工基地).
ZONE_GENERIC_GAP = re.compile(
    "(?:国家级|省级|国家|经济技术|高新技术|新技术|高新|高科技|经济|工业|产业|科技|旅游|综合|现代|"
    "农业|物流|保税|出口加工|化工|能源|临空|临港|国际|商务|金融|文化|生态|示范|中央|创新|合作|"
    "数字|智能|未来|海洋)+"
)
# Characters that may not sit between a place and a zone suffix (浙江省各开发区 is not a zone).
ZONE_GAP_STOP = frozenset("的和与及等各在对将为是了个省市县区镇乡有所该本全两三四五多")

# Suffixes of organisation names that start with a place (台州市市场监督管理局).
ORG_SUFFIXES = (
    "人民代表大会常务委员会 人大常委会 人民政府办公厅 人民政府办公室 人民政府 人民法院 人民检察院 "
    "中级人民法院 委员会 管理委员会 管委会 办公厅 办公室 领导小组 指挥部 研究院 研究所 研究中心 "
    "服务中心 中心 监督管理局 管理局 税务局 公安局 分局 局 厅 委 办 署 海关 银行 分行 支行 "
    "公司 集团 大学 学院 医院 学校 协会 商会 联合会 总工会 工会 支队 大队 派出所 法庭 "
    "供电公司 电业局 调查队 报社 日报 电视台"
).split()
# Characters a filler between place and organisation suffix may not contain: verbs and
# function words mean the sentence went on (台州市开展…办公室 is not a name).
ORG_GAP_STOP = frozenset("的与及等各在对将为是了把被向从由以于要已均可应都也就还不并而或、")
ORG_GAP_VERBS = re.compile(
    "开展|推进|推动|建立|实施|加强|深化|打造|落实|完善|健全|提升|制定|出台|印发|组织|召开|举办|"
    "成立|设立|探索|创新|优化|构建|发布|启动|试点|全面|积极|持续|进一步|率先|首创|首次|依托|通过|围绕"
)

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
