// Every row is an invented sentence (people and companies made up for these tests) and the
// exact facts the rules must find in it: positives in each rule's shapes and their variants,
// and noise that looks like a relation but is not one.
#include "loaders/relation_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace kith::loaders {
namespace {

std::string describe(const ProseFact& f) {
  std::string s = std::string(fact_kind_name(f.kind)) + "|" + f.subject + "|" + f.object + "|" +
                  f.third + "|" + f.title;
  if (!f.current) s += "|past";
  if (f.negated) s += "|neg";
  if (f.claimed) s += "|claimed";
  return s;
}

struct Case {
  const char* sentence;
  std::vector<std::string> facts;  // describe() of each, any order
  const char* note_person = "";
  const char* note_account = "";
  const char* speaker = "";
};

// clang-format off
const std::vector<Case> kCases = {
  // reports-to
  {"Marta Quispe reports to Tomasz Wrona.", {"ReportsTo|Marta Quispe|Tomasz Wrona||"}},
  {"Marta Quispe reported to Tomasz Wrona until last spring.", {"ReportsTo|Marta Quispe|Tomasz Wrona|||past"}},
  {"Aiko Tanaka does not report to Kwame Mensah.", {"ReportsTo|Aiko Tanaka|Kwame Mensah|||neg"}},
  {"Aiko Tanaka doesn't report to Kwame Mensah anymore.", {"ReportsTo|Aiko Tanaka|Kwame Mensah|||neg"}},
  {"Kwame Mensah, Lucía Fernández and Björn Holm report to Deepa Iyer.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "ReportsTo|Lucía Fernández|Deepa Iyer||", "ReportsTo|Björn Holm|Deepa Iyer||"}},
  {"Kwame Mensah and Lucía Fernández both report directly to Deepa Iyer.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "ReportsTo|Lucía Fernández|Deepa Iyer||"}},
  {"Björn Holm used to report to Deepa Iyer.", {"ReportsTo|Björn Holm|Deepa Iyer|||past"}},
  {"Björn Holm no longer reports to Deepa Iyer.", {"ReportsTo|Björn Holm|Deepa Iyer|||past"}},
  {"Björn Holm will report to Deepa Iyer after the reorg.", {}},
  {"Chen Jing has reported to Olusegun Adeyemi since 2021.", {"ReportsTo|Chen Jing|Olusegun Adeyemi||"}},
  {"Chen Jing had reported to Olusegun Adeyemi before the merger.", {"ReportsTo|Chen Jing|Olusegun Adeyemi|||past"}},
  {"I report to Farah al-Sayed.", {"ReportsTo|Pieter van der Berg|Farah al-Sayed||"}, "", "", "Pieter van der Berg"},
  {"Ingrid Solberg is the CFO of Brightwater Freight.", {"WorksAt|Ingrid Solberg|Brightwater Freight||CFO"}},
  {"Marta Quispe reports to Tomasz Wrona and Deepa Iyer.",
   {"ReportsTo|Marta Quispe|Tomasz Wrona||", "ReportsTo|Marta Quispe|Deepa Iyer||"}},
  // a person note's he/she/her is its person; "Y's manager since ..." opening a line there
  // makes the note's person Y's manager
  {"She reports to Tomasz Wrona since January.", {"ReportsTo|Marta Quispe|Tomasz Wrona||"}, "Marta Quispe"},
  {"Her manager is Tomasz Wrona.", {"ReportsTo|Marta Quispe|Tomasz Wrona||"}, "Marta Quispe"},
  {"Mira Okafor's manager since January.", {"ReportsTo|Mira Okafor|Marta Quispe||"}, "Marta Quispe"},
  {"Mira Okafor's manager joined late.", {}, "Marta Quispe"},
  {"Sean O'Malley reports to me.", {"ReportsTo|Sean O'Malley|Yara Haddad||"}, "", "", "Yara Haddad"},
  {"Reports to [[Ingrid Sørensen]].", {"ReportsTo|Hana Kobayashi|Ingrid Sørensen||"}, "Hana Kobayashi"},
  {"She reports to Ingrid Sørensen.", {"ReportsTo|She|Ingrid Sørensen||"}},
  {"Elif Yılmaz joined in March and she reports to Ingrid Sørensen.", {"ReportsTo|Elif Yılmaz|Ingrid Sørensen||"}},
  {"Rafael da Silva reports into Nguyễn Thị Lan.", {"ReportsTo|Rafael da Silva|Nguyễn Thị Lan||"}},
  {"王伟 reports to 李娜.", {"ReportsTo|王伟|李娜||"}},
  {"Ahmad bin Yusuf reports to Pieter van der Berg.", {"ReportsTo|Ahmad bin Yusuf|Pieter van der Berg||"}},
  {"Director Kwame Mensah reports to Deepa Iyer.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Kwame said he reports to Deepa.", {"ReportsTo|Kwame|Deepa||"}},
  {"Kwame and Marta said he reports to Deepa.", {"ReportsTo|he|Deepa||"}},
  {"They report to Deepa Iyer.", {"ReportsTo|They|Deepa Iyer||"}},
  {"**[[Kwame Mensah]]** reports to [[People/Deepa Iyer|Deepa]].", {"ReportsTo|Kwame Mensah|Deepa||"}},
  {"@Kwame reports to @Deepa", {"ReportsTo|Kwame|Deepa||"}},
  {"Kwame reports to Deepa. Marta reports to Kwame.", {"ReportsTo|Kwame|Deepa||", "ReportsTo|Marta|Kwame||"}},
  {"Kwame Mensah currently reports to Deepa Iyer at Globex.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  // reports-to noise
  {"Send the report to Deepa Iyer by Friday.", {}},
  {"Kwame's report to the board was late.", {}},
  {"Reports to be filed by Friday.", {}, "Hana Kobayashi"},
  {"Marta reported to Tomasz that the pilot slipped.", {}},
  {"Marta will report back to Tomasz with numbers.", {}},
  {"Ask Aiko to report to Kwame on the outage.", {}},
  {"Marta reports to the steering committee.", {}},
  {"Everyone reports to Deepa Iyer.", {}},
  {"The team reports to Deepa Iyer.", {}},
  {"Marta reports to Tomasz's boss.", {}},
  {"Quarterly Reports to Investors", {}},
  {"Monday reports to Deepa Iyer are due.", {}},
  {"VP Marketing reports to Deepa Iyer.", {}},
  {"Globex reports to Deepa Iyer.", {}, "", "Globex"},
  {"Marta reports to Tomasz on the pipeline every week.", {}},
  {"Determine the allocation and report back to Tomasz Wrona with guidance.", {}},
  // direct reports
  {"Ingrid Sørensen is a direct report of Olusegun Adeyemi.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi||"}},
  {"Ingrid Sørensen was a direct report to Olusegun Adeyemi at Kestrel Systems.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi|||past"}},
  {"Ingrid Sørensen, a direct report of Olusegun Adeyemi, owns the renewal.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi||"}},
  {"Ingrid Sørensen is Olusegun Adeyemi's direct report.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi||"}},
  {"Ingrid Sørensen is one of Olusegun Adeyemi’s direct reports.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi||"}},
  {"Olusegun Adeyemi's direct reports include Ingrid Sørensen, Chen Jing and Rafael da Silva.",
   {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi||", "ReportsTo|Chen Jing|Olusegun Adeyemi||", "ReportsTo|Rafael da Silva|Olusegun Adeyemi||"}},
  {"Ingrid Sørensen is not a direct report of Olusegun Adeyemi.", {"ReportsTo|Ingrid Sørensen|Olusegun Adeyemi|||neg"}},
  {"Direct reports: Chen Jing, Rafael da Silva", {"ReportsTo|Chen Jing|Olusegun Adeyemi||", "ReportsTo|Rafael da Silva|Olusegun Adeyemi||"}, "Olusegun Adeyemi"},
  {"The direct report of the survey is due Friday.", {}},
  {"Olusegun's direct reports are unhappy about the move.", {}},
  // manages
  {"Deepa Iyer manages Kwame Mensah.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Deepa Iyer manages Kwame Mensah, Lucía Fernández and Björn Holm.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "ReportsTo|Lucía Fernández|Deepa Iyer||", "ReportsTo|Björn Holm|Deepa Iyer||"}},
  {"Deepa Iyer managed Kwame Mensah at Globex.", {"ReportsTo|Kwame Mensah|Deepa Iyer|||past"}},
  {"Deepa Iyer does not manage Kwame Mensah.", {"ReportsTo|Kwame Mensah|Deepa Iyer|||neg"}},
  {"Deepa Iyer manages the Globex relationship.", {}},
  {"Deepa Iyer manages Globex.", {}, "", "Globex"},
  {"Deepa Iyer manages Halyard storage rollouts.", {}},
  {"Kwame Mensah is managed by Deepa Iyer.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Kwame Mensah, managed by Deepa Iyer, joined the call.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"We need to manage Kwame Mensah carefully.", {}},
  {"Deepa Iyer and Marta Quispe manage Lucía Fernández.",
   {"ReportsTo|Lucía Fernández|Deepa Iyer||", "ReportsTo|Lucía Fernández|Marta Quispe||"}},
  {"Deepa manages Kwame and Marta reports to Tomasz.", {"ReportsTo|Kwame|Deepa||", "ReportsTo|Marta|Tomasz||"}},
  {"Manages [[Kwame Mensah]] and [[Lucía Fernández]].",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "ReportsTo|Lucía Fernández|Deepa Iyer||"}, "Deepa Iyer"},
  // possessive manager
  {"Kwame Mensah's manager is Deepa Iyer.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Kwame Mensah's former manager was Deepa Iyer.", {"ReportsTo|Kwame Mensah|Deepa Iyer|||past"}},
  {"Kwame's boss is Deepa.", {"ReportsTo|Kwame|Deepa||"}},
  {"Deepa Iyer is Kwame Mensah's manager.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Deepa Iyer was Kwame Mensah's boss at Initech.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer|||past", "WorksAt|Deepa Iyer|Initech|||past", "WorksAt|Kwame Mensah|Initech|||past"}},
  {"Deepa Iyer is Kwame Mensah's manager at Initech.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "WorksAt|Deepa Iyer|Initech||", "WorksAt|Kwame Mensah|Initech||"}},
  {"Kwame Mensah's manager, Deepa Iyer, approved it.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"My manager is Deepa Iyer.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}, "", "", "Kwame Mensah"},
  {"Deepa Iyer is not Kwame Mensah's manager.", {"ReportsTo|Kwame Mensah|Deepa Iyer|||neg"}},
  {"Deepa Iyer is Kwame Mensah’s line manager.", {"ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Omar Haddad - (Elif Yılmaz's boss)", {"ReportsTo|Elif Yılmaz|Omar Haddad||"}},
  {"Omar Haddad (Elif Yılmaz's former manager) called.", {"ReportsTo|Elif Yılmaz|Omar Haddad|||past"}},
  {"Manager: [[Omar Haddad]]", {"ReportsTo|Elif Yılmaz|Omar Haddad||"}, "Elif Yılmaz"},
  {"Arjun, Priya was on my team at Globex for four years.",
   {"ReportsTo|Priya|Omar Haddad|||past", "WorksAt|Priya|Globex|||past", "WorksAt|Omar Haddad|Globex|||past"}, "", "", "Omar Haddad"},
  {"Ian is on Tobias's team.", {"ReportsTo|Ian|Tobias||"}},
  {"Ian is on Tobias's team offsite list.", {}},
  {"Ian sat on Tobias's team call.", {}},
  {"Kwame's manager meeting moved to Tuesday.", {}},
  {"Deepa met Kwame's manager yesterday.", {}},
  {"Kwame's manager's manager is Deepa.", {}},
  {"The manager is Deepa.", {}},
  // chief of staff
  {"Yara Haddad is Omar Haddad's chief of staff.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Yara Haddad (Omar Haddad's chief of staff) joined late.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Yara Haddad, Omar Haddad's chief of staff, joined late.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Yara Haddad is chief of staff to Omar Haddad.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Yara Haddad serves as the chief of staff for Omar Haddad.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Omar Haddad's chief of staff is Yara Haddad.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Chief of staff: [[Yara Haddad]]", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}, "Omar Haddad"},
  {"Yara Haddad was Omar Haddad's chief of staff until June.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad|||past"}},
  {"Yara Haddad, chief of staff to Omar Haddad, sent the agenda.", {"ChiefOfStaffTo|Yara Haddad|Omar Haddad||"}},
  {"Yara Haddad is Omar's CoS.", {"ChiefOfStaffTo|Yara Haddad|Omar||"}},
  {"The chief of staff meeting is on Monday.", {}},
  {"Chief of staff: Yara Haddad", {}},
  {"Globex's chief of staff is Yara Haddad.", {}, "", "Globex"},
  // works at / for / as
  {"Lucía Fernández works at Brightwater Labs.", {"WorksAt|Lucía Fernández|Brightwater Labs||"}},
  {"Lucía Fernández works for Brightwater Labs.", {"WorksAt|Lucía Fernández|Brightwater Labs||"}},
  {"Lucía Fernández works at Brightwater Labs as Senior Director, Data Platforms.",
   {"WorksAt|Lucía Fernández|Brightwater Labs||Senior Director, Data Platforms"}},
  {"Lucía Fernández worked at Brightwater Labs for six years.", {"WorksAt|Lucía Fernández|Brightwater Labs|||past"}},
  {"Lucía Fernández works as a solutions architect at Brightwater Labs.",
   {"WorksAt|Lucía Fernández|Brightwater Labs||solutions architect"}},
  {"Lucía Fernández no longer works at Brightwater Labs.", {"WorksAt|Lucía Fernández|Brightwater Labs|||past"}},
  {"Lucía Fernández works on the Brightwater Labs pilot.", {}},
  {"Lucía Fernández works with Brightwater Labs on pricing.", {}},
  {"Works at [[Brightwater Labs]].", {"WorksAt|Lucía Fernández|Brightwater Labs||"}, "Lucía Fernández"},
  // joined
  {"Tomasz Wrona joined Kestrel Systems as VP of Engineering.", {"WorksAt|Tomasz Wrona|Kestrel Systems||VP of Engineering"}},
  {"Tomasz Wrona joined Kestrel Systems in 2022.", {"WorksAt|Tomasz Wrona|Kestrel Systems||"}},
  {"Tomasz Wrona joined Kestrel Systems from Orrin Health last year.",
   {"WorksAt|Tomasz Wrona|Kestrel Systems||", "WorksAt|Tomasz Wrona|Orrin Health|||past"}},
  {"Tomasz Wrona joined Marta for lunch.", {}},
  {"Tomasz Wrona joined Marta.", {}},
  {"Tomasz Wrona joined Kestrel Systems.", {"WorksAt|Tomasz Wrona|Kestrel Systems||"}, "", "Kestrel Systems"},
  {"Tomasz Wrona joined the call late.", {}},
  {"Tomasz Wrona joined Marta and Kwame at the offsite.", {}},
  // titles
  {"Björn Holm is the CTO at Tessaract Bank.", {"WorksAt|Björn Holm|Tessaract Bank||CTO"}},
  {"Björn Holm is a principal engineer at Tessaract Bank.", {"WorksAt|Björn Holm|Tessaract Bank||principal engineer"}},
  {"Björn Holm was the head of data at Tessaract Bank.", {"WorksAt|Björn Holm|Tessaract Bank||head of data|past"}},
  {"Björn Holm is VP of Sales for EMEA at Tessaract Bank.", {"WorksAt|Björn Holm|Tessaract Bank||VP of Sales for EMEA"}},
  {"Björn Holm is the former CFO at Tessaract Bank.", {"WorksAt|Björn Holm|Tessaract Bank||CFO|past"}},
  {"Björn Holm is Tessaract Bank's chief risk officer.", {"WorksAt|Björn Holm|Tessaract Bank||chief risk officer"}},
  {"Björn Holm is the chief risk officer.", {"HasTitle|Björn Holm|||chief risk officer"}},
  {"Björn Holm, CFO at Tessaract Bank, signed the order form.", {"WorksAt|Björn Holm|Tessaract Bank||CFO"}},
  {"Björn Holm (head of procurement at Tessaract Bank) asked for a discount.",
   {"WorksAt|Björn Holm|Tessaract Bank||head of procurement"}},
  {"Björn Holm (VP Sales and Marketing) asked for a discount.", {"HasTitle|Björn Holm|||VP Sales and Marketing"}},
  {"Björn Holm (former head of research at Tessaract Bank) joined.", {"WorksAt|Björn Holm|Tessaract Bank||head of research|past"}},
  {"Björn Holm is at the offsite this week.", {}},
  {"Björn Holm is the one to watch.", {}},
  {"Björn Holm is the key contact at Tessaract Bank.", {}},
  {"Björn Holm is a partner.", {}},
  {"Björn Holm is the lead on getting intros.", {}},
  {"Björn Holm is Kwame Mensah.", {}},
  // a short phrase ending in a job noun is a title, whatever clause follows
  {"Tariq Osei is the data engineer who will build the feed at Globex.", {"HasTitle|Tariq Osei|||data engineer"}},
  {"Tariq Osei is a solutions architect.", {"HasTitle|Tariq Osei|||solutions architect"}},
  {"Tariq Osei is the only engineer.", {}},
  {"Tariq Osei is the reason the engineer quit.", {}},
  // deal roles are not job titles: the employer stays, the title goes
  {"Nadia Brekke is Tessaract Bank's executive sponsor for Orion Freight.", {"WorksAt|Nadia Brekke|Tessaract Bank||"}},
  {"Nadia Brekke is Tessaract Bank's relationship owner for Orion Freight.", {"WorksAt|Nadia Brekke|Tessaract Bank||"}},
  {"Nadia Brekke is the executive sponsor for Orion Freight.", {}},
  {"Nadia Brekke is the point of contact for Orion Freight.", {}},
  {"Nadia Brekke is the champion at Tessaract Bank.", {"WorksAt|Nadia Brekke|Tessaract Bank||"}},
  {"Nadia Brekke is the product owner at Tessaract Bank.", {"WorksAt|Nadia Brekke|Tessaract Bank||product owner"}},
  {"Nadia Brekke, Tessaract Bank's executive sponsor, signed.", {"WorksAt|Nadia Brekke|Tessaract Bank||"}},
  {"Nadia Brekke (executive sponsor for Orion Freight) signed.", {}},
  {"Nadia Brekke works at Tessaract Bank as the deal sponsor.", {"WorksAt|Nadia Brekke|Tessaract Bank||"}},
  // runs / leads / heads
  {"Deepa Iyer, who runs field marketing at Initech, will join.", {"WorksAt|Deepa Iyer|Initech||runs field marketing"}},
  {"Deepa Iyer heads partnerships at Initech.", {"WorksAt|Deepa Iyer|Initech||heads partnerships"}},
  {"Deepa Iyer leads Initech Cloud Services.", {"WorksAt|Deepa Iyer|Initech||leads Initech Cloud Services"}, "", "Initech"},
  {"Deepa Iyer leads Initech Cloud Services.", {}},
  {"Deepa Iyer runs late on Mondays at the office.", {}},
  // left, resigned
  {"Deepa Iyer left Initech in May.", {"LeftRole|Deepa Iyer|Initech||"}},
  {"Deepa Iyer has left the company.", {"LeftRole|Deepa Iyer|||"}},
  {"Deepa Iyer left a voicemail for Kwame.", {}},
  {"Deepa Iyer left early.", {}},
  {"Deepa Iyer resigned last week.", {"LeftRole|Deepa Iyer|||"}},
  {"Deepa Iyer left Initech to join Globex.", {"LeftRole|Deepa Iyer|Initech||", "WorksAt|Deepa Iyer|Globex||"}},
  {"Deepa Iyer has not left Initech.", {"LeftRole|Deepa Iyer|Initech|||neg"}},
  {"Kwame thinks Deepa left after the meeting.", {}},
  {"Turn left at the lobby.", {}},
  // succession
  {"Chen Jing stepped into Rafael da Silva's role.", {"Succeeded|Chen Jing|Rafael da Silva||"}},
  {"Chen Jing, who stepped into Rafael da Silva's role after he left, owns pricing.",
   {"Succeeded|Chen Jing|Rafael da Silva||", "LeftRole|Rafael da Silva|||"}},
  {"Chen Jing replaced Rafael da Silva as CFO.", {"Succeeded|Chen Jing|Rafael da Silva||", "HasTitle|Chen Jing|||CFO"}},
  {"Chen Jing succeeded Rafael da Silva.", {"Succeeded|Chen Jing|Rafael da Silva||"}},
  {"Rafael da Silva was replaced by Chen Jing.", {"Succeeded|Chen Jing|Rafael da Silva||"}},
  {"Chen Jing took over from Rafael da Silva in January.", {"Succeeded|Chen Jing|Rafael da Silva||"}},
  {"Chen Jing took over Rafael da Silva's accounts.", {"Succeeded|Chen Jing|Rafael da Silva||"}},
  {"Chen Jing replaced the old laptop.", {}},
  {"Chen Jing replaced Rafael's laptop.", {}},
  {"The pilot succeeded.", {}},
  {"Chen Jing will replace Rafael da Silva next quarter.", {}},
  {"Chen Jing replaced Dell servers with blades.", {}},
  // decisions
  {"The final decision is Hana's.", {"Decides|Hana|||"}},
  {"The final Orion budget decision is Hana Kobayashi's.", {"Decides|Hana Kobayashi|Orion||"}},
  {"The decision was Hana's.", {"Decides|Hana||||past"}},
  {"The decision rests with Hana Kobayashi.", {"Decides|Hana Kobayashi|||"}},
  {"Hana Kobayashi makes the final decision on [[Orion]].", {"Decides|Hana Kobayashi|Orion||"}},
  {"Hana Kobayashi will make the final call.", {"Decides|Hana Kobayashi|||"}},
  {"Hana Kobayashi has the final say on Orion.", {"Decides|Hana Kobayashi|Orion||"}},
  {"Hana Kobayashi is the decision maker for Orion.", {"Decides|Hana Kobayashi|Orion||"}},
  {"Hana Kobayashi is the final decision-maker.", {"Decides|Hana Kobayashi|||"}},
  {"The decision maker for Orion is Hana Kobayashi.", {"Decides|Hana Kobayashi|Orion||"}},
  {"Decision maker: [[Hana Kobayashi]]", {"Decides|Hana Kobayashi|||"}},
  {"Hana Kobayashi is not the decision maker.", {"Decides|Hana Kobayashi||||neg"}},
  {"Makes the final storage decision for [[Orion]].", {"Decides|Hana Kobayashi|Orion||"}, "Hana Kobayashi"},
  {"We made a decision on pricing.", {}},
  {"The decision is pending.", {}},
  {"Hana's decision was surprising.", {}},
  {"The final call is at noon.", {}},
  {"Hana made the call to Kwame yesterday.", {}},
  // influence
  {"Elif Yılmaz will influence Hana Kobayashi's decision.", {"Influences|Elif Yılmaz|Hana Kobayashi||"}},
  {"Elif Yılmaz said she will be the one to influence Hana Kobayashi's decision.",
   {"Influences|Elif Yılmaz|Hana Kobayashi|||claimed"}},
  {"Elif Yılmaz is the one to influence Hana's decision.", {"Influences|Elif Yılmaz|Hana||"}},
  // a relative clause or an apposition between the subject and the claim
  {"Ilse Brandt, who runs finance at Tessaract Bank, said she will be the one to influence Kwame's decision on price.",
   {"WorksAt|Ilse Brandt|Tessaract Bank||runs finance", "Influences|Ilse Brandt|Kwame|||claimed"}},
  {"Kwame makes the final decision on Orion. Ilse Brandt, who runs finance at Tessaract Bank, said she will be the one to influence Kwame's decision on price.",
   {"Decides|Kwame|Orion||", "WorksAt|Ilse Brandt|Tessaract Bank||runs finance", "Influences|Ilse Brandt|Kwame|||claimed"}},
  {"Ilse Brandt, the CFO, said she will influence Kwame Mensah's decision.",
   {"HasTitle|Ilse Brandt|||CFO", "Influences|Ilse Brandt|Kwame Mensah|||claimed"}},
  {"Elif Yılmaz influences Hana Kobayashi.", {"Influences|Elif Yılmaz|Hana Kobayashi||"}},
  {"Elif Yılmaz has a lot of influence over Hana Kobayashi.", {"Influences|Elif Yılmaz|Hana Kobayashi||"}},
  {"Elif Yılmaz has no influence over Hana Kobayashi.", {"Influences|Elif Yılmaz|Hana Kobayashi|||neg"}},
  {"Elif Yılmaz claims to influence Hana Kobayashi's decisions.", {"Influences|Elif Yılmaz|Hana Kobayashi|||claimed"}},
  {"Kwame said Elif will influence Hana's decision.", {"Influences|Elif|Hana||"}},
  {"Pricing will influence the decision.", {}},
  {"We tried to influence Hana.", {}},
  {"Hana's influence on the board is large.", {}},
  // trust
  {"Sean O'Malley can't be trusted.", {"Distrusted|Sean O'Malley|||"}},
  {"Sean O'Malley cannot be trusted.", {"Distrusted|Sean O'Malley||Yara Haddad|"}, "", "", "Yara Haddad"},
  {"Yara Haddad said Sean O'Malley can not be trusted.", {"Distrusted|Sean O'Malley||Yara Haddad|"}},
  {"Sean O'Malley is not to be trusted.", {"Distrusted|Sean O'Malley|||"}},
  {"Sean O'Malley is untrustworthy.", {"Distrusted|Sean O'Malley|||"}},
  {"Don't trust Sean O'Malley.", {"Distrusted|Sean O'Malley||Yara Haddad|"}, "", "", "Yara Haddad"},
  {"Sean O'Malley can be trusted.", {"Distrusted|Sean O'Malley||||neg"}},
  {"The data cannot be trusted.", {}},
  {"Trust but verify with Sean.", {}},
  // introductions
  {"Omar Haddad introduced Chen Jing to Björn Holm.", {"Introduced|Omar Haddad|Chen Jing|Björn Holm|"}},
  {"Omar Haddad introduced me to Björn Holm.", {"Introduced|Omar Haddad|Chen Jing|Björn Holm|"}, "", "", "Chen Jing"},
  {"Chen Jing was introduced to Björn Holm by Omar Haddad.", {"Introduced|Omar Haddad|Chen Jing|Björn Holm|"}},
  {"Omar Haddad connected Chen Jing with Björn Holm.", {"Introduced|Omar Haddad|Chen Jing|Björn Holm|"}},
  {"Chen, meet Björn Holm, who leads procurement at Tessaract Bank.",
   {"Introduced|Omar Haddad|Björn Holm|Chen|", "WorksAt|Björn Holm|Tessaract Bank||leads procurement"}, "", "", "Omar Haddad"},
  {"Intro: Chen <> Björn", {"Introduced|Omar Haddad|Björn|Chen|"}, "", "", "Omar Haddad"},
  {"Chen, meet Björn.", {}},
  {"Omar introduced the new pricing to Björn.", {}},
  {"Omar will introduce Chen to Björn next week.", {}},
  // appositions and parentheticals
  {"Farah al-Sayed (Kwame's boss, \"chief economist\", direct report of Deepa) joined.",
   {"ReportsTo|Kwame|Farah al-Sayed||", "HasTitle|Farah al-Sayed|||chief economist", "ReportsTo|Farah al-Sayed|Deepa||"}},
  {"Farah al-Sayed (Kwame Mensah's manager and Globex's chief economist) joined.",
   {"ReportsTo|Kwame Mensah|Farah al-Sayed||", "WorksAt|Farah al-Sayed|Globex||chief economist"}},
  {"Farah al-Sayed, reporting to Deepa Iyer, owns the rollout.", {"ReportsTo|Farah al-Sayed|Deepa Iyer||"}},
  {"Farah al-Sayed (managed by Deepa Iyer) owns the rollout.", {"ReportsTo|Farah al-Sayed|Deepa Iyer||"}},
  {"Farah al-Sayed (reports to Deepa Iyer; formerly Kwame's boss) called.",
   {"ReportsTo|Farah al-Sayed|Deepa Iyer||", "ReportsTo|Kwame|Farah al-Sayed|||past"}},
  {"Farah al-Sayed, Kwame Mensah and Deepa Iyer met on Tuesday.", {}},
  {"Farah al-Sayed (Globex) called about pricing.", {"WorksAt|Farah al-Sayed|Globex||"}, "", "Globex"},
  {"Farah al-Sayed (Globex) called about pricing.", {}},
  // a parenthetical naming the note's account leaves the paragraph's other sentences readable
  {"Farah al-Sayed (Globex) called about pricing. Kwame Mensah reports to Deepa Iyer.",
   {"WorksAt|Farah al-Sayed|Globex||", "ReportsTo|Kwame Mensah|Deepa Iyer||"}, "", "Globex"},
  {"Farah al-Sayed (leader of the Globex Atlas product) is unhappy.",
   {"WorksAt|Farah al-Sayed|Globex||leader of the Globex Atlas product"}, "", "Globex"},
  {"Farah al-Sayed (see notes) called.", {}},
  {"Farah al-Sayed, our champion, called.", {}},
  // several facts in one sentence
  {"Kwame Mensah reports to Deepa Iyer and is Globex's head of analytics.",
   {"ReportsTo|Kwame Mensah|Deepa Iyer||", "WorksAt|Kwame Mensah|Globex||head of analytics"}},
  {"Marta Quispe joined Globex as CTO and manages Kwame Mensah.",
   {"WorksAt|Marta Quispe|Globex||CTO", "ReportsTo|Kwame Mensah|Marta Quispe||"}},
  {"Ingrid Sørensen, who stepped into Tomasz Wrona's role after she left, has also resigned.",
   {"Succeeded|Ingrid Sørensen|Tomasz Wrona||", "LeftRole|Tomasz Wrona|||", "LeftRole|Ingrid Sørensen|||"}},
  // questions, conditions, relationships of ours rather than jobs, events rather than units
  {"Does Marta report to Kwame?", {}},
  {"Marta, can you ask Deepa if she reports to Kwame?", {}},
  {"Ask Deepa whether Marta manages Kwame.", {}},
  {"He is our champion at Globex.", {}},
  {"Deepa runs the weekly sync at Initech.", {}},
  {"Marta said she can't be trusted.", {}},
  {"Kwame will present at Globex next week.", {}},
  {"The CTO at Globex is unknown.", {}},
  {"Kwame's team reports to Deepa.", {}},
  {"Kwame introduced himself to Deepa.", {}},
  {"Kwame (CFO) approved.", {"HasTitle|Kwame|||CFO"}},
  {"Kwame, the CFO, approved.", {"HasTitle|Kwame|||CFO"}},
  {"Tomasz has succeeded Kwame as head of sales.", {"Succeeded|Tomasz|Kwame||", "HasTitle|Tomasz|||head of sales"}},
  {"Deepa Iyer is head of Sales at Initech and Kwame Mensah is her deputy.", {"WorksAt|Deepa Iyer|Initech||head of Sales"}},
  {"Kwame Mensah is Director of Engineering at Globex, reporting to Deepa Iyer.",
   {"WorksAt|Kwame Mensah|Globex||Director of Engineering", "ReportsTo|Kwame Mensah|Deepa Iyer||"}},
  {"Deepa Iyer (CEO of Globex) spoke.", {"WorksAt|Deepa Iyer|Globex||CEO"}},
  {"Deepa Iyer, co-founder of Initech, spoke.", {"WorksAt|Deepa Iyer|Initech||co-founder"}},
  {"Deepa Iyer (Director of Engineering) spoke.", {"HasTitle|Deepa Iyer|||Director of Engineering"}},
  {"Marta Quispe (formerly at Initech) joined.", {"WorksAt|Marta Quispe|Initech|||past"}},
  {"The decision on Halyard is Deepa's.", {"Decides|Deepa|Halyard||"}},
  {"Kwame and I work at Globex.", {"WorksAt|Kwame|Globex||", "WorksAt|Omar Haddad|Globex||"}, "", "", "Omar Haddad"},
  {"We work at Globex.", {}},
  {"Deepa stepped down as CEO.", {}},
  {"Deepa replaced Kwame on the invite list.", {}},
  {"Kwame is an engineer at heart.", {}},
  // plain prose with none of it
  {"The quarterly numbers look strong and the renewal is on track.", {}},
  {"Thanks Kwame, see you on Tuesday.", {}},
  {"Lunch at noon with the Globex team.", {}},
};
// clang-format on

std::vector<std::string> run(const Case& c) {
  ExtractionContext ctx;
  ctx.note_person = c.note_person;
  ctx.note_account = c.note_account;
  ctx.speaker = c.speaker;
  std::vector<std::string> out;
  for (const auto& f : extract_facts(c.sentence, ctx))
    out.push_back(describe(f));
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v)
    s += "\n    " + x;
  return s.empty() ? "\n    (none)" : s;
}

TEST(RelationRules, TableOfSentences) {
  ASSERT_GE(kCases.size(), 150u);
  int failures = 0;
  for (const auto& c : kCases) {
    auto expected = c.facts;
    std::sort(expected.begin(), expected.end());
    const auto actual = run(c);
    if (actual != expected) {
      ++failures;
      ADD_FAILURE() << c.sentence << "\n  expected:" << joined(expected)
                    << "\n  actual:" << joined(actual);
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(RelationRules, EveryRuleIsNamedAndExercised) {
  const auto& names = rule_names();
  const std::set<std::string> known(names.begin(), names.end());
  EXPECT_EQ(known.size(), names.size()) << "a rule name is listed twice";
  std::set<std::string> used;
  for (const auto& c : kCases) {
    ExtractionContext ctx{c.note_person, c.note_account, c.speaker};
    for (const auto& f : extract_facts(c.sentence, ctx)) {
      EXPECT_TRUE(known.count(f.rule)) << f.rule << " is not in rule_names()";
      used.insert(f.rule);
    }
  }
  for (const auto& n : names)
    EXPECT_TRUE(used.count(n)) << "no test sentence exercises " << n;
}

TEST(RelationRules, PreFilterSkipsOrdinaryProse) {
  EXPECT_FALSE(may_state_relation("The quarterly numbers look strong."));
  EXPECT_FALSE(may_state_relation("Send the slides before Tuesday's review."));
  EXPECT_TRUE(may_state_relation("Wen reports to Li."));
  EXPECT_TRUE(may_state_relation("Björn is the CTO at Tessaract."));
  EXPECT_TRUE(may_state_relation("Intro: Chen <> Björn"));
}

TEST(RelationRules, FactKindNames) {
  EXPECT_STREQ(fact_kind_name(FactKind::ReportsTo), "ReportsTo");
  EXPECT_STREQ(fact_kind_name(FactKind::LeftRole), "LeftRole");
  EXPECT_STREQ(fact_kind_name(FactKind::ChiefOfStaffTo), "ChiefOfStaffTo");
}

double seconds_for(const std::string& text) {
  const auto start = std::chrono::steady_clock::now();
  (void)extract_facts(text, ExtractionContext{});
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Hostile input must neither crash nor go quadratic: each of these is far larger than any real
// sentence, and the limits are generous for a sanitised debug build on a busy machine while a
// quadratic pass over the same input would take hours.
TEST(RelationRules, HostileInputIsBounded) {
  std::string commas;
  for (int i = 0; i < 10000; ++i)
    commas += "Kwame Mensah, ";
  commas += "and Deepa report to Marta.";
  EXPECT_LT(seconds_for(commas), 20.0);

  std::string reports;
  for (int i = 0; i < 20000; ++i)
    reports += "Kwame reports to Deepa ";
  EXPECT_LT(seconds_for(reports), 20.0);

  std::string huge(5 * 1024 * 1024, 'a');
  for (std::size_t i = 7; i < huge.size(); i += 8)
    huge[i] = ' ';
  huge += " reports to Deepa.";
  EXPECT_LT(seconds_for(huge), 20.0);

  std::string parens(200000, '(');
  parens += "Kwame's boss";
  EXPECT_LT(seconds_for(parens), 20.0);

  std::string links;
  for (int i = 0; i < 20000; ++i)
    links += "[[Kwame|Kwame ";
  links += "]] manages [[Deepa]]";
  EXPECT_LT(seconds_for(links), 20.0);

  std::string names;
  for (int i = 0; i < 5000; ++i)
    names += "Kwame Mensah (Deepa Iyer's boss, CTO at Globex, ";
  EXPECT_LT(seconds_for(names), 20.0);

  const std::string invalid = "Kwame \xC3 reports \xFF\xFE to \xE2\x80 Deepa's \xF0\x9F boss";
  (void)extract_facts(invalid, ExtractionContext{});
}

TEST(RelationRules, FactsCarryTheirRuleAndAreNotRepeated) {
  const auto facts = extract_facts(
      "Tobias Kerr manages Ian Pryce. Ian Pryce reports to Tobias Kerr.", ExtractionContext{});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].rule, "manages");
}

}  // namespace
}  // namespace kith::loaders
