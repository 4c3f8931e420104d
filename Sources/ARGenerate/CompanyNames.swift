/// Company names that look real, built deterministically from word lists.
///
/// A few names hold commas (`"Smith, Jones & Co"`) or double quotes so the
/// files exercise RFC 4180 quoting; some hold non-ASCII letters to exercise UTF-8.
enum CompanyNames {
    static let prefixes = [
        "Acme", "Apex", "Atlas", "Aurora", "Beacon", "Blue Ridge", "Bright", "Cascade", "Cedar", "Crescent",
        "Delta", "Evergreen", "Falcon", "Frontier", "Granite", "Harbor", "Horizon", "Ironwood", "Juniper",
        "Keystone", "Lakeside", "Liberty", "Maple", "Meridian", "Northwind", "Oakridge", "Orion", "Pacific",
        "Pinnacle", "Prairie", "Quantum", "Redwood", "Riverside", "Sierra", "Silverline", "Sterling", "Summit",
        "Sunrise", "Tidewater", "Trident", "Union", "Vanguard", "Vertex", "Westfield", "Willow", "Zenith",
        "Nordlicht", "Sakura", "Alpenrose", "Costa Verde", "Kiwi", "Bluegum", "Rhein", "Solaris",
    ]
    static let trades = [
        "Logistics", "Foods", "Systems", "Health", "Manufacturing", "Energy", "Retail", "Software",
        "Construction", "Pharma", "Textiles", "Analytics", "Freight", "Hospitality", "Metals", "Plastics",
        "Electronics", "Media", "Labs", "Outfitters", "Supply", "Engineering", "Telecom", "Motors", "Packaging",
        "Agritech", "Medical", "Consulting", "Robotics", "Beverages", "Furniture", "Aerospace",
    ]
    static let qualifiers = [
        "Global", "International", "Group", "Holdings", "Partners", "Solutions", "Services", "Industries",
    ]
    static let surnames = [
        "Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Johnson", "Roberts",
        "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood",
        "Müller", "García", "Nakamura", "Søndergaard", "Dubois", "Rossi", "O'Brien", "Kowalski",
    ]
    static let places = [
        "Springfield", "Riverton", "Fairview", "Greenville", "Franklin", "Madison", "Georgetown", "Salem",
        "Arlington", "Ashland", "Dover", "Oxford", "Milton", "Newport", "Bristol", "Kingston", "Lancaster",
        "Hamilton", "Winchester", "São Bento", "Zürich-Nord", "Brookfield",
    ]
    static let publicBodies = [
        "City of %", "County of %", "% School District", "% Water Authority", "State University of %",
        "% Transit Agency", "Port of %", "% Public Library", "% Health Board",
    ]

    static func legalSuffixes(for region: SalesRegion) -> [String] {
        switch region {
        case .northAmerica: ["Inc.", "LLC", "Corp.", "Co."]
        case .emea: ["Ltd", "GmbH", "S.A.", "B.V.", "plc", "AG", "SARL"]
        case .apac: ["Pty Ltd", "K.K.", "Pte. Ltd.", "Ltd"]
        case .latam: ["S.A. de C.V.", "Ltda.", "S.A."]
        }
    }

    /// The display name of a customer. Customer 1 always gets a comma and customer 2
    /// doubled quotes, so even a tiny data set holds both quoting cases.
    static func name(customerIndex: Int, segment: CustomerSegment, region: SalesRegion, rng: inout Xoshiro256StarStar)
        -> String
    {
        let roll = rng.below(1000)
        if customerIndex == 1 || (customerIndex > 2 && roll < 25) {
            return partnership(rng: &rng)
        }
        if customerIndex == 2 || (customerIndex > 2 && roll < 35) {
            // A trading name in quotes: `The "Blue Ridge" Trading Co.` is written `"The ""Blue Ridge"" Trading Co."`.
            return "The \"\(rng.element(of: prefixes))\" \(rng.element(of: trades)) Co."
        }
        if segment == .publicSector {
            return rng.element(of: publicBodies).replacingOccurrences(of: "%", with: rng.element(of: places))
        }
        var name = rng.element(of: prefixes) + " " + rng.element(of: trades)
        if rng.chance(0.35) { name += " " + rng.element(of: qualifiers) }
        return name + " " + rng.element(of: legalSuffixes(for: region))
    }

    /// A partners' firm whose name carries a comma, like `Smith, Jones & Co`.
    private static func partnership(rng: inout Xoshiro256StarStar) -> String {
        let first = rng.below(surnames.count)
        let second = (first + 1 + rng.below(surnames.count - 1)) % surnames.count  // never the same partner twice
        let tail = rng.element(of: ["& Co", "& Partners LLP", "& Sons Ltd", "& Associates, Inc."])
        return "\(surnames[first]), \(surnames[second]) \(tail)"
    }
}

extension String {
    /// Foundation-free replacement of every `target` by `replacement`.
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
