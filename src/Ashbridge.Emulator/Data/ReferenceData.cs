namespace Ashbridge.Emulator.Data;

/// <summary>The fixed shape of the organisation: departments, offices, roles, sources and the like.</summary>
internal static class ReferenceData
{
    /// <summary>Top-level departments, their teams, and job titles hired into them.</summary>
    public static readonly (string Department, string[] Teams, string[] Titles)[] Departments =
    [
        ("Engineering", ["Platform", "Product Engineering", "Infrastructure", "Data"],
            ["Software Engineer", "Backend Engineer", "Frontend Engineer", "Site Reliability Engineer", "Data Engineer", "Engineering Manager", "Machine Learning Engineer", "QA Engineer"]),
        ("Product", ["Product Management", "Design"], ["Product Manager", "Product Designer", "UX Researcher", "Technical Product Manager"]),
        ("Sales", ["Enterprise Sales", "Mid-Market Sales", "Sales Engineering"], ["Account Executive", "Sales Development Representative", "Solutions Engineer", "Sales Manager"]),
        ("Marketing", ["Growth", "Brand"], ["Growth Marketer", "Content Strategist", "Product Marketing Manager", "Marketing Operations Manager"]),
        ("Customer Success", ["Support", "Account Management"], ["Customer Success Manager", "Support Engineer", "Technical Account Manager"]),
        ("People", ["Recruiting", "People Operations"], ["Technical Recruiter", "People Partner", "Recruiting Coordinator"]),
        ("Finance", ["Accounting", "FP&A"], ["Financial Analyst", "Senior Accountant", "Controller"]),
        ("Legal", [], ["Corporate Counsel", "Privacy Counsel"]),
    ];

    public static readonly string[] Levels = ["", "", "Senior ", "Senior ", "Staff ", "Principal ", "Junior ", "Lead "];

    /// <summary>Regions (LocationHierarchy rows) and the offices under them.</summary>
    public static readonly (string Region, (string Name, string City, string State, string Country, string Postal, string Street, byte Workplace)[] Offices)[] Regions =
    [
        ("North America",
        [
            ("San Francisco", "San Francisco", "California", "United States", "94107", "500 Howard Street", 1),
            ("New York", "New York", "New York", "United States", "10013", "85 Broad Street", 1),
            ("Austin", "Austin", "Texas", "United States", "78701", "300 Congress Avenue", 0),
            ("Toronto", "Toronto", "Ontario", "Canada", "M5V 2T6", "20 Bay Street", 1),
            ("Remote (US)", "Denver", "Colorado", "United States", "80202", "1600 Glenarm Place", 2),
        ]),
        ("Europe",
        [
            ("London", "London", "England", "United Kingdom", "EC2A 4NE", "1 Finsbury Avenue", 1),
            ("Berlin", "Berlin", "Berlin", "Germany", "10117", "Friedrichstraße 68", 0),
            ("Dublin", "Dublin", "Leinster", "Ireland", "D02 X285", "Grand Canal Square 3", 1),
            ("Remote (EU)", "Amsterdam", "North Holland", "Netherlands", "1017 CE", "Herengracht 420", 2),
        ]),
        ("Asia Pacific",
        [
            ("Singapore", "Singapore", "Singapore", "Singapore", "018956", "8 Marina View", 0),
            ("Sydney", "Sydney", "New South Wales", "Australia", "2000", "200 George Street", 1),
        ]),
    ];

    /// <summary>Where candidates live (city, region, country, IANA time zone).</summary>
    public static readonly (string City, string Region, string Country, string Timezone)[] CandidateCities =
    [
        ("San Francisco", "California", "United States", "America/Los_Angeles"), ("Oakland", "California", "United States", "America/Los_Angeles"),
        ("Seattle", "Washington", "United States", "America/Los_Angeles"), ("New York", "New York", "United States", "America/New_York"),
        ("Brooklyn", "New York", "United States", "America/New_York"), ("Boston", "Massachusetts", "United States", "America/New_York"),
        ("Austin", "Texas", "United States", "America/Chicago"), ("Chicago", "Illinois", "United States", "America/Chicago"),
        ("Denver", "Colorado", "United States", "America/Denver"), ("Toronto", "Ontario", "Canada", "America/Toronto"),
        ("Vancouver", "British Columbia", "Canada", "America/Vancouver"), ("London", "England", "United Kingdom", "Europe/London"),
        ("Manchester", "England", "United Kingdom", "Europe/London"), ("Berlin", "Berlin", "Germany", "Europe/Berlin"),
        ("Munich", "Bavaria", "Germany", "Europe/Berlin"), ("Dublin", "Leinster", "Ireland", "Europe/Dublin"),
        ("Amsterdam", "North Holland", "Netherlands", "Europe/Amsterdam"), ("Paris", "Île-de-France", "France", "Europe/Paris"),
        ("Lisbon", "Lisbon", "Portugal", "Europe/Lisbon"), ("Singapore", "Singapore", "Singapore", "Asia/Singapore"),
        ("Sydney", "New South Wales", "Australia", "Australia/Sydney"), ("Bangalore", "Karnataka", "India", "Asia/Kolkata"),
    ];

    public static readonly string[] HiringTeamRoles = ["Hiring Manager", "Recruiter", "Recruiting Coordinator", "Sourcer"];

    /// <summary>Source types and their sources; a trailing '*' marks an archived source.</summary>
    public static readonly (string Type, string[] Sources)[] Sources =
    [
        ("Inbound", ["Company Website", "LinkedIn Jobs", "Indeed", "Glassdoor", "AngelList*"]),
        ("Outbound", ["LinkedIn Recruiter", "GitHub Sourcing", "Gem"]),
        ("Referral", ["Employee Referral", "Customer Referral"]),
        ("Agency", ["Hays", "Robert Half"]),
        ("Event", ["Career Fair", "Conference"]),
    ];

    /// <summary>Archive reasons by reason type; a trailing '*' marks an archived reason.</summary>
    public static readonly (string Text, byte ReasonType)[] ArchiveReasons =
    [
        ("Accepted another offer", 0), ("Compensation expectations", 0), ("Withdrew from process", 0), ("Not interested in role", 0),
        ("Skills gap", 1), ("Experience level", 1), ("Position filled", 1), ("Failed technical interview", 1), ("Culture add concerns", 1),
        ("Unresponsive", 2), ("Duplicate application", 2), ("Legacy reason*", 2),
    ];

    public static readonly string[] Tags =
        ["Top Talent", "Silver Medalist", "Do Not Contact", "Boomerang", "Needs Visa Sponsorship", "Remote Only", "Referral Bonus Eligible", "Event: DevConf*"];

    public static readonly string[] StageTitles = ["New Lead", "Application Review", "Recruiter Screen", "Technical Interview", "Onsite", "Offer", "Hired", "Archived"];

    public static readonly StageType[] StagePlan =
        [StageType.Lead, StageType.PreInterviewScreen, StageType.Active, StageType.Active, StageType.Active, StageType.Offer, StageType.Hired, StageType.Archived];

    public static readonly string[] Currencies = ["USD", "USD", "USD", "EUR", "GBP", "CAD"];

    /// <summary>Communication templates: title, intended types (bits over CommunicationTemplate.TypeNames), enabled.</summary>
    public static readonly (string Title, byte Types, bool Enabled)[] CommunicationTemplates =
    [
        ("Rejection + Consideration for Future Positions", 1, true), ("Rejection after Application Review", 1, true),
        ("Rejection after Interviews", 1, true), ("Position Filled", 1, true), ("Thanks for Your Interest", 1, true),
        ("Withdrawal Confirmation", 1, true), ("Schedule a Recruiter Screen", 1, true), ("Onsite Logistics", 1, true),
        ("Offer Follow-up", 1, true), ("Reaching Out about a Role", 3, true), ("LinkedIn Outreach: Engineering", 2, true),
        ("Connection Request", 4, true), ("Referral Thank You", 1, true), ("Old Rejection (2023)", 1, false),
        ("Holiday Outreach", 3, false),
    ];

    /// <summary>Tracking link campaigns: code prefix and the source they credit; a trailing '*' marks a disabled link.</summary>
    public static readonly (string Code, string Source)[] TrackingLinks =
    [
        ("spring-fair", "Career Fair"), ("devconf", "Conference"), ("linkedin-post", "LinkedIn Jobs"), ("newsletter", "Company Website"),
        ("github-readme", "GitHub Sourcing"), ("podcast", "Company Website"), ("meetup-berlin", "Conference"), ("winter-fair*", "Career Fair"),
        ("indeed-boost*", "Indeed"), ("referral-week", "Employee Referral"),
    ];
}
