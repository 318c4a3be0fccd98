"""Short news reports written for the feed tests: three events and a follow-up, three outlets each, in the
register of wire copy (invented events; names and numbers agree within an event, as real coverage
does, and differ across events)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Report:
    event: str
    outlet: str
    slug: str
    title: str
    published: str  # RFC 822, as a feed's pubDate
    paragraphs: tuple[str, ...]


REPORTS = (
    Report("ferry", "Harbour Wire", "ferry-fire", "Fire on Baltic ferry forces evacuation of 312 passengers",
           "Tue, 04 Mar 2025 09:12:00 GMT", (
               "A fire broke out in the engine room of the ferry Aurora Nord on Monday night, forcing the"
               " evacuation of 312 passengers and 46 crew members in the Baltic Sea north of the Polish port"
               " of Gdynia, the Polish maritime rescue service said.",
               "Rescue coordinator Tomasz Wierzbicki said lifeboats and two navy helicopters took passengers"
               " to the Swedish vessel Stena Karin, which was sailing nearby. Eleven people were treated for"
               " smoke inhalation.",
               "The ferry, operated by Nordline, was travelling from Gdynia to Karlskrona in Sweden. The"
               " company said the cause of the fire was not yet known.")),
    Report("ferry", "Coastal Times", "aurora-nord", "Passengers rescued after engine-room blaze on Aurora Nord",
           "Tue, 04 Mar 2025 11:40:00 GMT", (
               "More than 300 passengers were rescued from the burning ferry Aurora Nord off the coast of"
               " Gdynia late on Monday after a blaze started in its engine room.",
               "Tomasz Wierzbicki, who led the rescue operation, told reporters that all 312 passengers and 46"
               " crew had been accounted for. Eleven of them needed treatment for smoke inhalation, he said.",
               "Nordline, which runs the route between Gdynia and Karlskrona, said firefighters had brought the"
               " blaze under control by early Tuesday and that the ship would be towed back to Gdynia.")),
    Report("ferry", "Daily Ledger", "baltic-ferry", "Baltic ferry blaze: helicopters lift smoke victims to safety",
           "Tue, 04 Mar 2025 14:05:00 GMT", (
               "Navy helicopters and the passing Stena Karin joined a night rescue in the Baltic after fire"
               " engulfed the engine room of the Nordline ferry Aurora Nord on its way from Gdynia to"
               " Karlskrona.",
               "According to the Polish maritime rescue service, 312 passengers and 46 crew left the ship;"
               " eleven were treated for smoke inhalation. Rescue chief Tomasz Wierzbicki praised the crew"
               " for a calm evacuation.",
               "Nordline said it was cooperating with investigators and had cancelled Tuesday's crossings.")),
    Report("rates", "Harbour Wire", "kenya-rates", "Kenya's central bank raises key rate to 13.5 percent",
           "Wed, 12 Mar 2025 15:30:00 GMT", (
               "The Central Bank of Kenya raised its benchmark lending rate by 75 basis points to 13.5 percent"
               " on Wednesday, its third increase in a row, citing a weaker shilling and rising fuel prices.",
               "Governor Kamau Thugge told a news conference in Nairobi that inflation had reached 7.9 percent"
               " in February, above the bank's target range of 2.5 to 7.5 percent.",
               "Economists polled before the meeting had expected an increase of 50 basis points.")),
    Report("rates", "Coastal Times", "nairobi-rates", "Central Bank of Kenya lifts rate again as shilling slides",
           "Wed, 12 Mar 2025 17:02:00 GMT", (
               "Kenya's central bank increased its main interest rate to 13.5 percent from 12.75 percent on"
               " Wednesday, saying the shilling's slide against the dollar threatened to push prices higher.",
               "Governor Kamau Thugge said inflation of 7.9 percent in February was above the target range and"
               " that the Monetary Policy Committee stood ready to act again.",
               "It was the bank's third rate rise in a row. Business groups in Nairobi warned that borrowing"
               " costs were hurting small firms.")),
    Report("rates", "Daily Ledger", "cbk-decision", "Kenya hikes benchmark rate by 75 basis points",
           "Thu, 13 Mar 2025 06:45:00 GMT", (
               "The Central Bank of Kenya surprised markets on Wednesday with a 75 basis point rise in its"
               " benchmark rate, to 13.5 percent, larger than the 50 basis points analysts had forecast.",
               "Governor Kamau Thugge pointed to fuel prices and a weak shilling, and said February inflation"
               " of 7.9 percent was too high.",
               "The shilling firmed slightly against the dollar in Nairobi trading after the decision.")),
    Report("quake", "Harbour Wire", "arequipa-quake", "Magnitude 6.1 earthquake strikes southern Peru",
           "Sat, 22 Mar 2025 04:20:00 GMT", (
               "A magnitude 6.1 earthquake struck the Arequipa region of southern Peru on Friday evening,"
               " killing at least four people and damaging dozens of adobe homes, Peru's civil defence"
               " institute said.",
               "The quake was centred 38 kilometres south of the town of Chala at a depth of 29 kilometres,"
               " according to the Geophysical Institute of Peru.",
               "Regional governor Rohel Sanchez said rescue teams had reached the worst-hit villages near"
               " Caraveli overnight.")),
    Report("quake", "Coastal Times", "peru-earthquake", "Four dead as earthquake shakes Arequipa region",
           "Sat, 22 Mar 2025 08:10:00 GMT", (
               "At least four people died when a strong earthquake of magnitude 6.1 shook the Arequipa region"
               " of Peru on Friday, officials said.",
               "The Geophysical Institute of Peru put the epicentre 38 kilometres south of Chala. Governor"
               " Rohel Sanchez said adobe houses in villages around Caraveli had collapsed and that a school"
               " was damaged.",
               "The civil defence institute said 67 homes were uninhabitable.")),
    Report("quake", "Daily Ledger", "chala-tremor", "Peru quake near Chala kills four, damages homes",
           "Sat, 22 Mar 2025 12:55:00 GMT", (
               "An earthquake measuring 6.1 in magnitude killed four people in southern Peru on Friday and left"
               " 67 homes uninhabitable in the Arequipa region, the civil defence institute reported.",
               "The tremor, centred near the coastal town of Chala, was felt as far away as Lima. Governor"
               " Rohel Sanchez said emergency shelters had been set up in Caraveli.",
               "Peru sits on the Pacific Ring of Fire and is struck by frequent earthquakes.")),
    Report("probe", "Harbour Wire", "ferry-probe", "Faulty fuel line started Aurora Nord fire, investigators say",
           "Tue, 11 Mar 2025 10:00:00 GMT", (
               "A cracked fuel line in the engine room caused last week's fire on the ferry Aurora Nord, Polish"
               " accident investigators said on Tuesday in a preliminary report.",
               "The State Marine Accident Investigation Commission said diesel sprayed onto a hot exhaust pipe"
               " and ignited. Its chairman, Marek Zielinski, said the line had been replaced in January.",
               "Nordline said it would inspect the fuel systems of its four other ferries before they sail again.")),
    Report("probe", "Coastal Times", "fuel-line", "Report blames cracked fuel line for Baltic ferry blaze",
           "Tue, 11 Mar 2025 13:20:00 GMT", (
               "Investigators have traced the fire that forced the evacuation of the Aurora Nord to diesel leaking"
               " from a cracked fuel line onto a hot exhaust pipe.",
               "Marek Zielinski, chairman of the State Marine Accident Investigation Commission, presented the"
               " preliminary findings in Gdynia on Tuesday and said a final report would follow within a year.",
               "Nordline has grounded four ferries for inspection, disrupting crossings to Karlskrona.")),
    Report("probe", "Daily Ledger", "nordline-inspections", "Nordline grounds four ferries after fire report",
           "Wed, 12 Mar 2025 07:30:00 GMT", (
               "Nordline has taken four ferries out of service for fuel system checks after investigators said a"
               " cracked fuel line started the engine-room fire on its ship Aurora Nord.",
               "The preliminary report by the State Marine Accident Investigation Commission, presented by"
               " chairman Marek Zielinski, found that diesel had sprayed onto a hot exhaust pipe.",
               "Passengers booked on the Gdynia to Karlskrona route were offered refunds.")),
)

OUTLETS = ("Harbour Wire", "Coastal Times", "Daily Ledger")
