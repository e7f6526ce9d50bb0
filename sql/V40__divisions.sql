-- Administrative divisions: the tier between province and district that Pakistani
-- administration and reporting use (Karachi, Hyderabad, Peshawar, Quetta, Lahore, ...), and the
-- division of every district of the gazetteer (the 2023 census districts plus AJK and GB).
--
-- Source: compiled by hand (the census CSVs behind V2 carry no division column) from the
-- Pakistan Bureau of Statistics' 7th Population and Housing Census 2023 district-wise results,
-- which are published per province grouped by division, as of the census boundaries (the same
-- districts as V2): Punjab 9 divisions of its 36 census districts (divisions and districts
-- created after the census boundaries, such as Gujrat division and Murree, Talagang or
-- Wazirabad districts, are not in the gazetteer), Sindh 6, Khyber Pakhtunkhwa 7, Balochistan 8;
-- Azad Jammu and Kashmir 3 and Gilgit-Baltistan 3 from their governments' district lists.
-- See NOTICE.md. DivisionGazetteerTest checks every district has one and Karachi has seven.
--
-- Two assignments that need a choice:
--   * The former FATA tribal districts belong to the divisions Khyber Pakhtunkhwa attached them
--     to after the 2018 merger (the adjacent divisions whose commissioners took over the
--     agencies): Bajaur -> Malakand; Khyber, Mohmand ->
--     Peshawar; Kurram, Orakzai -> Kohat; North Waziristan -> Bannu; South Waziristan ->
--     Dera Ismail Khan. The former Frontier Regions are already parts of their districts (V2).
--   * Islamabad Capital Territory is not divided into divisions: it is one district under a
--     Chief Commissioner. It is stored as a division of its own ('Islamabad', one district) so
--     that every district has a division and groupBy=division covers every located incident.
--
-- Division codes are PK-<province>-DIV-<NAME> so that they never read as a district code.
-- incident.division_code is the division the place resolved to: the district's division when the
-- district is known, else the division a place name such as 'Karachi' (a city of seven districts)
-- names; NULL when the place is known only to province level or less.

CREATE TABLE division (
    code            VARCHAR(48)  NOT NULL PRIMARY KEY,
    name            VARCHAR(80)  NOT NULL,
    province_code   VARCHAR(8)   NOT NULL REFERENCES province (code),
    CONSTRAINT uq_division_name UNIQUE (province_code, name)
);

INSERT INTO division (code, name, province_code) VALUES
    ('PK-BA-DIV-QUETTA', 'Quetta', 'PK-BA'),
    ('PK-BA-DIV-ZHOB', 'Zhob', 'PK-BA'),
    ('PK-BA-DIV-LORALAI', 'Loralai', 'PK-BA'),
    ('PK-BA-DIV-SIBI', 'Sibi', 'PK-BA'),
    ('PK-BA-DIV-NASIRABAD', 'Nasirabad', 'PK-BA'),
    ('PK-BA-DIV-KALAT', 'Kalat', 'PK-BA'),
    ('PK-BA-DIV-MAKRAN', 'Makran', 'PK-BA'),
    ('PK-BA-DIV-RAKHSHAN', 'Rakhshan', 'PK-BA'),
    ('PK-IS-DIV-ISLAMABAD', 'Islamabad', 'PK-IS'),
    ('PK-KP-DIV-PESHAWAR', 'Peshawar', 'PK-KP'),
    ('PK-KP-DIV-MARDAN', 'Mardan', 'PK-KP'),
    ('PK-KP-DIV-KOHAT', 'Kohat', 'PK-KP'),
    ('PK-KP-DIV-BANNU', 'Bannu', 'PK-KP'),
    ('PK-KP-DIV-DERA-ISMAIL-KHAN', 'Dera Ismail Khan', 'PK-KP'),
    ('PK-KP-DIV-MALAKAND', 'Malakand', 'PK-KP'),
    ('PK-KP-DIV-HAZARA', 'Hazara', 'PK-KP'),
    ('PK-PB-DIV-BAHAWALPUR', 'Bahawalpur', 'PK-PB'),
    ('PK-PB-DIV-DERA-GHAZI-KHAN', 'Dera Ghazi Khan', 'PK-PB'),
    ('PK-PB-DIV-FAISALABAD', 'Faisalabad', 'PK-PB'),
    ('PK-PB-DIV-GUJRANWALA', 'Gujranwala', 'PK-PB'),
    ('PK-PB-DIV-LAHORE', 'Lahore', 'PK-PB'),
    ('PK-PB-DIV-MULTAN', 'Multan', 'PK-PB'),
    ('PK-PB-DIV-RAWALPINDI', 'Rawalpindi', 'PK-PB'),
    ('PK-PB-DIV-SAHIWAL', 'Sahiwal', 'PK-PB'),
    ('PK-PB-DIV-SARGODHA', 'Sargodha', 'PK-PB'),
    ('PK-SD-DIV-KARACHI', 'Karachi', 'PK-SD'),
    ('PK-SD-DIV-HYDERABAD', 'Hyderabad', 'PK-SD'),
    ('PK-SD-DIV-MIRPUR-KHAS', 'Mirpur Khas', 'PK-SD'),
    ('PK-SD-DIV-SHAHEED-BENAZIRABAD', 'Shaheed Benazirabad', 'PK-SD'),
    ('PK-SD-DIV-SUKKUR', 'Sukkur', 'PK-SD'),
    ('PK-SD-DIV-LARKANA', 'Larkana', 'PK-SD'),
    ('PK-JK-DIV-MUZAFFARABAD', 'Muzaffarabad', 'PK-JK'),
    ('PK-JK-DIV-POONCH', 'Poonch', 'PK-JK'),
    ('PK-JK-DIV-MIRPUR', 'Mirpur', 'PK-JK'),
    ('PK-GB-DIV-GILGIT', 'Gilgit', 'PK-GB'),
    ('PK-GB-DIV-BALTISTAN', 'Baltistan', 'PK-GB'),
    ('PK-GB-DIV-DIAMER', 'Diamer', 'PK-GB');

ALTER TABLE district ADD COLUMN division_code VARCHAR(48) REFERENCES division (code);

UPDATE district SET division_code = 'PK-BA-DIV-QUETTA' WHERE code IN ('PK-BA-QUETTA', 'PK-BA-PISHIN', 'PK-BA-KILLA-ABDULLAH', 'PK-BA-CHAMAN');
UPDATE district SET division_code = 'PK-BA-DIV-ZHOB' WHERE code IN ('PK-BA-ZHOB', 'PK-BA-KILLA-SAIFULLAH', 'PK-BA-SHERANI');
UPDATE district SET division_code = 'PK-BA-DIV-LORALAI' WHERE code IN ('PK-BA-LORALAI', 'PK-BA-BARKHAN', 'PK-BA-MUSAKHEL', 'PK-BA-DUKI');
UPDATE district SET division_code = 'PK-BA-DIV-SIBI' WHERE code IN ('PK-BA-SIBI', 'PK-BA-HARNAI', 'PK-BA-KOHLU', 'PK-BA-DERA-BUGTI', 'PK-BA-ZIARAT');
UPDATE district SET division_code = 'PK-BA-DIV-NASIRABAD' WHERE code IN ('PK-BA-NASIRABAD', 'PK-BA-JAFFARABAD', 'PK-BA-JHAL-MAGSI', 'PK-BA-KACHHI', 'PK-BA-SOHBATPUR');
UPDATE district SET division_code = 'PK-BA-DIV-KALAT' WHERE code IN ('PK-BA-KALAT', 'PK-BA-MASTUNG', 'PK-BA-KHUZDAR', 'PK-BA-LASBELA', 'PK-BA-AWARAN', 'PK-BA-SURAB');
UPDATE district SET division_code = 'PK-BA-DIV-MAKRAN' WHERE code IN ('PK-BA-KECH', 'PK-BA-GWADAR', 'PK-BA-PANJGUR');
UPDATE district SET division_code = 'PK-BA-DIV-RAKHSHAN' WHERE code IN ('PK-BA-KHARAN', 'PK-BA-CHAGAI', 'PK-BA-NUSHKI', 'PK-BA-WASHUK');
UPDATE district SET division_code = 'PK-IS-DIV-ISLAMABAD' WHERE code IN ('PK-IS-ISLAMABAD');
UPDATE district SET division_code = 'PK-KP-DIV-PESHAWAR' WHERE code IN ('PK-KP-PESHAWAR', 'PK-KP-CHARSADDA', 'PK-KP-NOWSHERA', 'PK-KP-KHYBER', 'PK-KP-MOHMAND');
UPDATE district SET division_code = 'PK-KP-DIV-MARDAN' WHERE code IN ('PK-KP-MARDAN', 'PK-KP-SWABI');
UPDATE district SET division_code = 'PK-KP-DIV-KOHAT' WHERE code IN ('PK-KP-KOHAT', 'PK-KP-HANGU', 'PK-KP-KARAK', 'PK-KP-KURRAM', 'PK-KP-ORAKZAI');
UPDATE district SET division_code = 'PK-KP-DIV-BANNU' WHERE code IN ('PK-KP-BANNU', 'PK-KP-LAKKI-MARWAT', 'PK-KP-NORTH-WAZIRISTAN');
UPDATE district SET division_code = 'PK-KP-DIV-DERA-ISMAIL-KHAN' WHERE code IN ('PK-KP-DERA-ISMAIL-KHAN', 'PK-KP-TANK', 'PK-KP-SOUTH-WAZIRISTAN');
UPDATE district SET division_code = 'PK-KP-DIV-MALAKAND' WHERE code IN ('PK-KP-SWAT', 'PK-KP-LOWER-DIR', 'PK-KP-UPPER-DIR', 'PK-KP-BUNER', 'PK-KP-SHANGLA', 'PK-KP-MALAKAND', 'PK-KP-LOWER-CHITRAL', 'PK-KP-UPPER-CHITRAL', 'PK-KP-BAJAUR');
UPDATE district SET division_code = 'PK-KP-DIV-HAZARA' WHERE code IN ('PK-KP-ABBOTTABAD', 'PK-KP-HARIPUR', 'PK-KP-MANSEHRA', 'PK-KP-BATAGRAM', 'PK-KP-TORGHAR', 'PK-KP-UPPER-KOHISTAN', 'PK-KP-LOWER-KOHISTAN', 'PK-KP-KOLAI-PALAS-KOHISTAN');
UPDATE district SET division_code = 'PK-PB-DIV-BAHAWALPUR' WHERE code IN ('PK-PB-BAHAWALPUR', 'PK-PB-BAHAWALNAGAR', 'PK-PB-RAHIM-YAR-KHAN');
UPDATE district SET division_code = 'PK-PB-DIV-DERA-GHAZI-KHAN' WHERE code IN ('PK-PB-DERA-GHAZI-KHAN', 'PK-PB-LAYYAH', 'PK-PB-MUZAFFARGARH', 'PK-PB-RAJANPUR');
UPDATE district SET division_code = 'PK-PB-DIV-FAISALABAD' WHERE code IN ('PK-PB-FAISALABAD', 'PK-PB-CHINIOT', 'PK-PB-JHANG', 'PK-PB-TOBA-TEK-SINGH');
UPDATE district SET division_code = 'PK-PB-DIV-GUJRANWALA' WHERE code IN ('PK-PB-GUJRANWALA', 'PK-PB-GUJRAT', 'PK-PB-HAFIZABAD', 'PK-PB-MANDI-BAHAUDDIN', 'PK-PB-NAROWAL', 'PK-PB-SIALKOT');
UPDATE district SET division_code = 'PK-PB-DIV-LAHORE' WHERE code IN ('PK-PB-LAHORE', 'PK-PB-KASUR', 'PK-PB-NANKANA-SAHIB', 'PK-PB-SHEIKHUPURA');
UPDATE district SET division_code = 'PK-PB-DIV-MULTAN' WHERE code IN ('PK-PB-MULTAN', 'PK-PB-KHANEWAL', 'PK-PB-LODHRAN', 'PK-PB-VEHARI');
UPDATE district SET division_code = 'PK-PB-DIV-RAWALPINDI' WHERE code IN ('PK-PB-RAWALPINDI', 'PK-PB-ATTOCK', 'PK-PB-CHAKWAL', 'PK-PB-JHELUM');
UPDATE district SET division_code = 'PK-PB-DIV-SAHIWAL' WHERE code IN ('PK-PB-SAHIWAL', 'PK-PB-OKARA', 'PK-PB-PAKPATTAN');
UPDATE district SET division_code = 'PK-PB-DIV-SARGODHA' WHERE code IN ('PK-PB-SARGODHA', 'PK-PB-BHAKKAR', 'PK-PB-KHUSHAB', 'PK-PB-MIANWALI');
UPDATE district SET division_code = 'PK-SD-DIV-KARACHI' WHERE code IN ('PK-SD-KARACHI-CENTRAL', 'PK-SD-KARACHI-EAST', 'PK-SD-KARACHI-SOUTH', 'PK-SD-KARACHI-WEST', 'PK-SD-KEAMARI', 'PK-SD-KORANGI', 'PK-SD-MALIR');
UPDATE district SET division_code = 'PK-SD-DIV-HYDERABAD' WHERE code IN ('PK-SD-HYDERABAD', 'PK-SD-BADIN', 'PK-SD-DADU', 'PK-SD-JAMSHORO', 'PK-SD-MATIARI', 'PK-SD-SUJAWAL', 'PK-SD-TANDO-ALLAHYAR', 'PK-SD-TANDO-MUHAMMAD-KHAN', 'PK-SD-THATTA');
UPDATE district SET division_code = 'PK-SD-DIV-MIRPUR-KHAS' WHERE code IN ('PK-SD-MIRPUR-KHAS', 'PK-SD-THARPARKAR', 'PK-SD-UMER-KOT');
UPDATE district SET division_code = 'PK-SD-DIV-SHAHEED-BENAZIRABAD' WHERE code IN ('PK-SD-SHAHEED-BENAZIRABAD', 'PK-SD-NAUSHAHRO-FEROZE', 'PK-SD-SANGHAR');
UPDATE district SET division_code = 'PK-SD-DIV-SUKKUR' WHERE code IN ('PK-SD-SUKKUR', 'PK-SD-KHAIRPUR', 'PK-SD-GHOTKI');
UPDATE district SET division_code = 'PK-SD-DIV-LARKANA' WHERE code IN ('PK-SD-LARKANA', 'PK-SD-KAMBAR-SHAHDAD-KOT', 'PK-SD-SHIKARPUR', 'PK-SD-JACOBABAD', 'PK-SD-KASHMORE');
UPDATE district SET division_code = 'PK-JK-DIV-MUZAFFARABAD' WHERE code IN ('PK-JK-MUZAFFARABAD', 'PK-JK-HATTIAN-BALA', 'PK-JK-NEELUM');
UPDATE district SET division_code = 'PK-JK-DIV-POONCH' WHERE code IN ('PK-JK-BAGH', 'PK-JK-HAVELI', 'PK-JK-POONCH', 'PK-JK-SUDHANOTI');
UPDATE district SET division_code = 'PK-JK-DIV-MIRPUR' WHERE code IN ('PK-JK-KOTLI', 'PK-JK-MIRPUR', 'PK-JK-BHIMBER');
UPDATE district SET division_code = 'PK-GB-DIV-GILGIT' WHERE code IN ('PK-GB-GILGIT', 'PK-GB-HUNZA', 'PK-GB-NAGAR', 'PK-GB-GHIZER', 'PK-GB-GUPIS-YASIN');
UPDATE district SET division_code = 'PK-GB-DIV-BALTISTAN' WHERE code IN ('PK-GB-SKARDU', 'PK-GB-SHIGAR', 'PK-GB-KHARMANG', 'PK-GB-ROUNDU', 'PK-GB-GHANCHE');
UPDATE district SET division_code = 'PK-GB-DIV-DIAMER' WHERE code IN ('PK-GB-DIAMER', 'PK-GB-ASTORE', 'PK-GB-DAREL', 'PK-GB-TANGIR');

ALTER TABLE incident ADD COLUMN division_code VARCHAR(48) REFERENCES division (code);
CREATE INDEX ix_incident_division ON incident (division_code, event_date);

-- Rows stored before: the division of their district; and the rows a source placed only at
-- 'Karachi' (kept at province Sindh, their location naming the city) at division Karachi. An
-- import re-resolves every place, so re-importing a file gives each of its rows its division.
UPDATE incident SET division_code = (SELECT d.division_code FROM district d WHERE d.code = incident.district_code)
    WHERE district_code IS NOT NULL;
UPDATE incident SET division_code = 'PK-SD-DIV-KARACHI'
    WHERE district_code IS NULL AND province_code = 'PK-SD' AND LOWER(location) LIKE '%karachi%';
