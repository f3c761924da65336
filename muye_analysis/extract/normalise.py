"""Length-preserving normalisation of report text.

Every function here maps one character to one character, so an offset into the normalised text
is also an offset into the original: quotes and ``start``/``end`` always point at the report as
printed, whatever was folded (full-width digits, traditional characters, HTML tags).
"""

from __future__ import annotations

import re

from muye_analysis.text import to_halfwidth

# Traditional -> simplified for the characters this genre uses (units, verbs, indicator names).
# One character each way, so offsets survive; ambiguous characters (乾, 著, 後…) are left alone
# because their traditional form is also a simplified word elsewhere.
_TRADITIONAL = (
    "億亿萬万兩两個个們们區区縣县鄉乡鎮镇場场廠厂産产產产業业總总額额長长"
    "規规劃划計计會会資资貨货費费銷销稅税預预實实現现達达進进較较點点"
    "與与為为於于過过內内餘余約约務务標标爭争確确穩稳發发電电貸贷層层項项類类"
    "戶户處处條条輛辆臺台臺台張张間间萬万噸吨畝亩頃顷時时歲岁幣币價价"
    "質质營营運运輸输設设備备築筑樓楼購购農农糧粮麥麦漁渔養养幾几數数據据"
    "統统覽览報报導导衛卫醫医療疗學学師师範范圍围環环雜杂權权機机構构關关"
    "聯联網网絡络閱阅讀读這这裡里樣样條条財财務务負负債债險险專专優优勢势觀观"
    "對对擴扩戰战歷历創创傳传氣气溫温壓压廣广東东蘭兰協协辦办職职級级參参鄰邻"
    "綜综線线紀纪經经濟济續续維维組组織织結结給给綫线紅红純纯絲丝細细終终絕绝"
    "較较輕轻轉转錢钱鐵铁銀银鋼钢針针鏈链鋰锂鎳镍電电動动勞劳務务勵励勸劝區区"
    "單单嚴严問问題题顯显願愿類类順顺預预領领頭头額额風风飛飞館馆驗验騰腾體体"
    "點点黨党齊齐門门開开閉闭閒闲隊队陽阳陰阴隨随際际險险雙双雖虽離离雲云電电"
    "熱热災灾爲为無无燈灯營营爾尔牆墙獎奖獲获現现環环產产畢毕異异當当盡尽監监"
    "盤盘眾众碼码礎础禮礼種种稱称積积穀谷窮穷競竞築筑簡简糧粮係系緊紧總总績绩"
    "續续縮缩罰罚聖圣聞闻聲声膽胆腦脑臨临舉举舊旧艱艰藝艺蘇苏處处號号蟲虫衆众"
    "裝装補补製制複复見见規规視视親亲覺觉觸触計计訂订認认討讨訓训記记設设"
    "許许論论証证評评識识試试詳详誠诚話话該该語语說说請请調调諸诸謀谋講讲謝谢"
    "證证護护讓让變变豐丰豬猪負负貢贡財财責责貧贫貨货販贩購购貿贸費费資资賣卖"
    "質质趕赶跡迹車车軍军軟软載载輔辅輪轮辦办農农邊边週周進进遠远遞递適适遷迁"
    "選选遺遗還还鄉乡釋释針针鍵键長长門门閘闸陸陆陳陈隻只難难雞鸡電电霧雾靜静"
    "響响頁页頂顶項项須须頒颁領领頻频顧顾飯饭餘余騎骑驅驱驗验髮发鬥斗魚鱼鳥鸟"
    "麼么黃黄龍龙萬万鄭郑歲岁處处擬拟擁拥攜携擔担據据撥拨擴扩攤摊敵敌斷断於于"
    "時时暢畅書书會会東东條条棄弃業业極极標标樁桩構构槍枪樣样樂乐樓楼橋桥機机"
    "檢检權权歡欢殘残殺杀氣气漢汉決决沒没準准湧涌滿满滬沪濱滨災灾煉炼煙烟猶犹"
)
# More pairs seen on mirror sites of bulletins and work reports (分別, 區屬, 並列, 漲幅, 減少…).
_TRADITIONAL += (
    "別别屬属並并減减漲涨將将從从態态獻献錄录綠绿採采織织紡纺飲饮遊游訊讯筆笔虧亏損损齡龄"
    "婦妇兒儿駕驾郵邮儲储倉仓貸贷獨独屆届鄧邓壽寿墾垦鑄铸鎖锁廳厅補补總总屬属彙汇滙汇粵粤"
    "贛赣閩闽遼辽瀋沈寧宁陝陕隴陇黔黔滇滇渝渝湘湘鄂鄂皖皖魯鲁冀冀晉晋豫豫贛赣瓊琼"
)
# Round three (issue 22): traditional characters the lists above missed (國, 興, 應, 團, 員…),
# each checked to be outside GB2312, so none is also a simplified character.
_TRADITIONAL += (
    "國国堅坚貫贯徹彻強强來来習习復复議议籌筹義义興兴員员審审圖图繞绕況况應应團团欄栏奮奋編编輯辑鞏巩趨趋"
    "偉伟輝辉邁迈戲戏華华匯汇踐践帶带擊击術术綿绵徑径諧谐勝胜軌轨壇坛漸渐測测夠够園园壺壶歐欧灣湾娛娱薩萨"
    "聽听樹树繼继揮挥樞枢紐纽攬揽礦矿躍跃緩缓藥药紹绍曉晓節节藍蓝側侧勁劲賃赁疊叠執执恆恒驚惊楊杨韌韧潛潜"
    "驛驿紛纷碩硕衝冲憂忧麗丽尋寻幫帮搶抢崗岗榮荣幹干狀状諾诺燒烧譽誉搖摇籃篮寬宽鬆松賽赛蓋盖託托淨净潤润"
    "貼贴繳缴納纳繫系駛驶銅铜鋁铝鋅锌鎂镁鈦钛錫锡鉛铅櫃柜亞亚韓韩僅仅則则佈布換换禍祸亂乱慶庆歸归獸兽蝦虾"
    "脫脱劇剧紙纸檔档艦舰買买貴贵賤贱賬账帳帐庫库廈厦莊庄潔洁廢废鋪铺闊阔擠挤謹谨贏赢敗败彈弹劑剂診诊塊块"
    "誰谁裏里鐘钟嶺岭灘滩壩坝溝沟澆浇鴨鸭鵝鹅蠶蚕繭茧紗纱綢绸緞缎鹽盐醬酱麵面饅馒餅饼蔥葱薑姜蘋苹葉叶棗枣"
    "鳳凤鶴鹤驢驴騾骡馬马羅罗蘆芦葦苇廬庐爐炉鍋锅硯砚畫画島岛嶼屿濕湿淺浅滲渗濁浊濤涛陣阵凍冻涼凉澇涝噴喷"
    "寶宝貝贝賦赋賴赖贈赠贊赞趙赵孫孙吳吴馮冯蔣蒋呂吕鄒邹竇窦韋韦鮑鲍賀贺湯汤鄔邬蕭萧談谈龐庞閔闵賈贾婁娄"
    "顏颜駱骆盧卢奧奥倫伦傷伤償偿儉俭僑侨傭佣劉刘劍剑勳勋勻匀卻却厲厉嘆叹嚇吓嘗尝圓圆塵尘墜坠壞坏夢梦夾夹"
    "奪夺妝妆寢寝屍尸岡冈峽峡崢峥巖岩廁厕廟庙彌弥愛爱慣惯憲宪懷怀戀恋擇择攝摄撫抚暫暂曆历曬晒朧胧橫横毀毁"
    "滅灭牽牵瑪玛癥症盜盗盞盏硃朱禦御禪禅窯窑竊窃簽签籠笼糾纠紋纹紳绅綁绑練练縱纵繡绣繪绘罷罢羨羡肅肃脅胁"
    "脈脉臉脸舖铺艷艳莖茎蔔卜虛虚蠟蜡襲袭訪访訴诉詞词誤误謊谎譯译賓宾賞赏贖赎蹤踪輩辈辭辞逕迳連连違违遲迟"
    "鈔钞鈴铃銳锐錯错鍛锻鏡镜鑑鉴閃闪閑闲閣阁闆板闖闯階阶隱隐隸隶靈灵飽饱飾饰駐驻鬧闹鮮鲜鳴鸣鴻鸿鹹咸齒齿"
)
# Round four: variants and traditional forms the blind_v4 mirrors printed (凈增, 縉云, 紓困…),
# each outside GB2312.
_TRADITIONAL += "凈净縉缙撐撑傾倾紓纾馳驰沖冲臍脐篤笃"
# Round seven: forms the blind_v7 mirrors printed (佔年度計劃的63.1%, 躋身, 綱要…), outside GB2312.
_TRADITIONAL += "佔占綱纲啓启啟启壯壮揚扬躋跻冊册兌兑寫写遙遥誼谊擺摆篩筛絞绞艙舱銜衔"
_T2S = str.maketrans(_TRADITIONAL[0::2], _TRADITIONAL[1::2])
# str.translate is slow on text with few characters in its table (a lookup miss per character);
# a character class finds the traditional ones and only those are replaced.
_T2S_CHARS = re.compile("[" + "".join(sorted({chr(k) for k, v in _T2S.items() if k != v})) + "]")

# Full-width forms fold to ASCII, except 。 which ``to_halfwidth`` maps to "." (it is sometimes a
# decimal point): here it stays a full stop unless it sits between two digits.
_DECIMAL_STOP = re.compile(r"(?<=\d)[。·・](?=\d)")  # 1·8% is 1.8% (a middle dot on some pages)
# Look-alikes printed for the sign they resemble: 15℅ (care-of) for 15%, 21.5∶36.1 (the ratio
# sign) and 7.7︰43.9 (the vertical-form colon, U+FE30) for a colon.
_LOOKALIKES = str.maketrans({"℅": "%", "∶": ":", "\ufe30": ":"})
# Tags and entities become spaces of the same length, so an HTML page reads like its text.
_HTML_TAG = re.compile(
    r"<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>|<[^<>]{0,2000}>|&#?\w{1,10};", re.S | re.I
)
_QUOTED = re.compile(r"([“「『《])([^”」』》\n]{0,40})([”」』》])")
QUOTE_MASK = "〃"  # stands for a character inside quotation marks in the scanned text
# A quoted requirement is a statement, not a name: “储备项目不低于新开工项目3倍”.
_QUOTED_STATEMENT = re.compile(r"不低于|不少于|不超过|不高于|达到|以上|以内|增长|下降")


def normalise_text(text: str) -> str:
    """Fold full-width characters, traditional characters and HTML markup, keeping every offset.

    >>> normalise_text("增長１２．５％。")
    '增长12.5%。'
    """
    # to_halfwidth's folding, applied only where a full-width character stands (fast on text
    # without any); 。 is left out: it stays a full stop unless it sits between two digits.
    out = _FULLWIDTH_CHARS.sub(_halfwidth, text) if _FULLWIDTH_CHARS.search(text) else text
    out = _DECIMAL_STOP.sub(".", out)
    if "℅" in out or "∶" in out or "\ufe30" in out:
        out = out.translate(_LOOKALIKES)
    if _T2S_CHARS.search(out):
        out = _T2S_CHARS.sub(_simplified, out)
    if "<" in out or "&" in out:
        out = _HTML_TAG.sub(lambda m: " " * len(m.group()), out)
    return out


_FULLWIDTH_CHARS = re.compile("[\uff01-\uff5e\u3000]")


def _halfwidth(m: re.Match[str]) -> str:
    return to_halfwidth(m.group())


def _simplified(m: re.Match[str]) -> str:
    return chr(_T2S[ord(m.group())])


def mask_quoted(text: str) -> str:
    """Hide everything inside Chinese quotation marks (“十大战略”, 《…》): names, not statistics.

    A quotation that states a requirement (“储备项目不低于新开工项目3倍”) stays readable, and
    one not closed within 40 characters is treated as a stray mark and left alone.
    """
    return _QUOTED.sub(_mask, text)


def _mask(m: re.Match[str]) -> str:
    inner = m.group(2)
    if _QUOTED_STATEMENT.search(inner):
        return m.group()
    return m.group(1) + QUOTE_MASK * len(inner) + m.group(3)


# Mirror sites print the pinyin of some characters after them: 區(qū), 增(zeng)(zeng)长(zhang).
# (The literal comes first and the character before is checked afterwards: much faster to scan.)
_PINYIN_RESIDUE = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\))+")
# 321,676万元: a thousands separator between digit groups (never a list: lists use 、).
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")
# A space as the thousands separator of a figure between words: 国内生产总值完成2 093亿元,
# 达到7 010元 (a figure after a word, one to three digits, a space, then three and a unit).
_SPACED_THOUSANDS = re.compile(r"[\u4e00-\u9fff]\d{1,3}( )\d{3}(?=\.\d|[\u4e00-\u9fff])")
# A space after a decimal point (6835. 27亿元, 6. 2‰): the number goes on.
_SPACED_DECIMAL = re.compile(r"(?<=\d\.)[ \t]+(?=\d)")
# A space a PDF's line break left inside a word before or after a figure: 增 长 3.4%, 下 降
# 2%, 17.04 万 亩 (the change verb or the unit goes on).
_SPLIT_WORD = re.compile(
    r"(?<=[增下减提降])[ \t](?=[长降少加高低][ \t]?-?\d)"
    r"|(?:(?<=\d[万亿])|(?<=\d[ \t][万亿]))[ \t](?=[亩元吨人户])"
)
# The same sites double a comma or put one before a list mark: 中,,地区生产总值,、固定资产投资.
_STRAY_COMMA = re.compile(r",(?=[,、])")
# A reprint forum's jammer against copying: runs of one- or two-character ASCII tokens apart by
# single spaces (+ ~/ k6 `+ p) [' `: d( G+ G), letters and signs mixed, scattered at line ends
# and before sentences; it hides a heading's end (…主要预期目标建议】+ ~/ k6 …) and its pipes
# read as a table's.
_JAMMER = re.compile(
    r"(?<![\x21-\x7e])[ \t]*(?:[\x21-\x7e]{1,2} ){4,}[\x21-\x7e]{1,2}(?![\x21-\x7e])"
)
MIN_JAMMER_LETTERS = 2


# A sentence a page broke over lines: a line that ends on 由/从/的 (由“十五”末的⏎12.8亿元), a
# figure whose next line goes on to where it moved (…32.3⏎调整为2016年的13.3:47.6:39.1), or a
# list of figures broken between two members.
_BROKEN_LINE = re.compile(
    r"(?<=[由从的])[ \t\u3000]*\n\s*(?=\S)"
    r"|(?<=[\d%])[ \t\u3000]*\n\s*"
    r"(?=(?:调整|增加|提高|上升|下降|降低|提升|增长|扩大|缩小|减少|优化)(?:为|到|至))"
    # … after a unit too: 基地面积从26.8万亩⏎增加到107.6万亩
    r"|(?:(?<=\d[亩元吨人户个家项斤台])|(?<=\d[万亿][亩元吨人户个斤台]))[ \t\u3000]*\n\s*"
    r"(?=(?:调整|增加|提高|上升|下降|降低|提升|增长|扩大|缩小|减少|发展)(?:为|到|至))"
    # a change verb at a line's end and its figure on the next: 1095亿元，下降⏎2%
    r"|(?<=增长|下降|减少|增加|提高|降低)[ \t\u3000]*\n\s*(?=-?\d+(?:\.\d+)?[%‰])"
    # … and inside the verb itself, its figure right after: 固定资产投资增⏎长11.5%
    r"|(?<=[增下提减降回])[ \t\u3000]*\n\s*"
    r"(?=[长加降高升少低落]了?-?\d+(?:\.\d+)?(?:[%‰]|个?百分点))"
    # a list of figures a page broke between its members: 分别比增5.1%⏎和15.3%, 9.3%和⏎3.8%
    r"|(?<=[\d%][和、])[ \t\u3000]*\n\s*(?=\d)|(?<=[\d%倍])[ \t\u3000]*\n\s*(?=[和、]\d)"
    # a figure broken at its decimal point: 是2011年的1.⏎37倍
    r"|(?<=\d\.)[ \t\u3000]*\n\s*(?=\d+(?:倍|%|‰|个百分点|(?:万亿|亿|万)?元))"
)


def strip_residue(norm: str) -> tuple[str, list[int] | None]:
    """``norm`` without pinyin residue, thousands separators, spaces after a decimal point and
    the line breaks inside a broken sentence, and where each character was.

    The one change that is not length-preserving: the reader reads the compact text and maps its
    offsets back with the returned list (``None`` when nothing was removed), so that quotes and
    offsets still point at the report as printed.

    >>> strip_residue("地區(qū)生產(chǎn)總值")[0]
    '地區生產總值'
    """
    cuts = [m.span() for m in _PINYIN_RESIDUE.finditer(norm) if _after_cjk(norm, m.start())]
    cuts += [
        m.span() for m in _THOUSANDS.finditer(norm) if norm[m.start() - 1 : m.start()] in _DIGITS
    ]
    cuts += [m.span(1) for m in _SPACED_THOUSANDS.finditer(norm)]
    cuts += [m.span() for m in _STRAY_COMMA.finditer(norm)]
    cuts += [m.span() for m in _SPACED_DECIMAL.finditer(norm)]
    cuts += [m.span() for m in _SPLIT_WORD.finditer(norm)]
    cuts += [m.span() for m in _JAMMER.finditer(norm) if _jammer(m.group())]
    if "\n" in norm:
        cuts += [m.span() for m in _BROKEN_LINE.finditer(norm)]
    cuts.sort()
    if not cuts:
        return norm, None
    keep: list[int] = []
    pieces, pos = [], 0
    for a, b in cuts:
        keep.extend(range(pos, a))
        pieces.append(norm[pos:a])
        pos = max(pos, b)  # cuts may overlap (a jammer holding a thousands separator)
    keep.extend(range(pos, len(norm)))
    pieces.append(norm[pos:])
    return "".join(pieces), keep


_DIGITS = frozenset("0123456789")


def _jammer(run: str) -> bool:
    """A run of short ASCII tokens is a jammer when letters and signs mix in it (a row of small
    numbers, 1 2 3 4 5, is none)."""
    tokens = run.split()
    letters = sum(1 for t in tokens if any(c.isascii() and c.isalpha() for c in t))
    return letters >= MIN_JAMMER_LETTERS and any(not c.isalnum() for t in tokens for c in t)


def _after_cjk(text: str, pos: int) -> bool:
    return pos > 0 and "\u4e00" <= text[pos - 1] <= "\u9fff"
