namespace SiteGen.Bench;

/// <summary>Word pools for generated text: news-like Chinese words and English words.</summary>
internal static class Words
{
    public static readonly string[] Zh =
    [
        "中国", "俄罗斯", "美国", "欧盟", "北约", "乌克兰", "政府", "总统", "主席", "外交部", "发言人", "记者", "会谈",
        "声明", "合作", "经济", "贸易", "能源", "天然气", "石油", "制裁", "军事", "演习", "边境", "安全", "国际",
        "关系", "伙伴", "战略", "领导人", "访问", "峰会", "协议", "签署", "市场", "投资", "银行", "货币", "结算",
        "美元", "人民币", "卢布", "出口", "进口", "增长", "下降", "百分之", "去年", "今年", "星期五", "星期一",
        "上午", "下午", "北京", "莫斯科", "华盛顿", "布鲁塞尔", "基辅", "上海", "香港", "台湾", "新疆", "西藏",
        "人权", "媒体", "报道", "分析", "专家", "认为", "表示", "指出", "强调", "呼吁", "反对", "支持", "批评",
        "回应", "问题", "立场", "局势", "紧张", "冲突", "和平", "谈判", "对话", "联合国", "安理会", "决议", "投票",
        "代表", "官员", "部长", "大使", "使馆", "公民", "社会", "民众", "抗议", "警方", "法院", "判决", "法律",
        "选举", "议会", "政党", "改革", "发展", "科技", "芯片", "网络", "数据", "疫情", "防控", "医院", "学校",
        "学生", "大学", "研究", "报告", "显示", "数字", "统计", "预计", "未来", "历史", "文化", "冬奥会", "运动员",
    ];

    public static readonly string[] En =
    [
        "China", "Russia", "Beijing", "Moscow", "Washington", "the", "a", "of", "and", "in", "to", "on", "with",
        "for", "said", "says", "president", "minister", "foreign", "government", "officials", "talks", "summit",
        "agreement", "trade", "energy", "gas", "oil", "sanctions", "military", "exercise", "border", "security",
        "international", "relations", "partnership", "strategic", "leaders", "visit", "market", "investment",
        "bank", "currency", "settlement", "dollar", "yuan", "rouble", "exports", "imports", "growth", "decline",
        "percent", "last", "year", "this", "week", "Friday", "Monday", "morning", "afternoon", "Ukraine", "NATO",
        "European", "Union", "Taiwan", "Hong", "Kong", "human", "rights", "media", "reported", "analysts",
        "experts", "believe", "stated", "noted", "stressed", "called", "opposed", "supported", "criticised",
        "responded", "question", "position", "situation", "tension", "conflict", "peace", "negotiations",
        "dialogue", "United", "Nations", "Security", "Council", "resolution", "vote", "representatives",
        "ambassador", "embassy", "citizens", "society", "protest", "police", "court", "ruling", "law",
        "election", "parliament", "party", "reform", "development", "technology", "chips", "network", "data",
        "pandemic", "hospital", "school", "students", "university", "research", "report", "shows", "figures",
        "statistics", "expected", "future", "history", "culture", "Olympics", "athletes", "pipeline", "deal",
    ];

    public static readonly string[] ZhNames = ["王明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周强", "吴敏", "徐刚", "孙悦"];

    public static readonly string[] EnNames = ["Anna Smith", "John Carter", "Maria Lopez", "David Chen", "Sarah Brown", "Peter Ivanov", "Laura Klein", "Tom Baker"];

    public static readonly string[] Agencies = ["路透社", "美联社", "法新社", "Reuters", "AP", "AFP", "Getty Images"];
}
