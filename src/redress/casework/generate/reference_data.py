"""The bodies complained about and the people who complain, as plausible reference data.

Council names, types and regions are real English local authorities; populations are
rounded 2021 census figures, close enough for "upheld decisions per 100,000 residents" to
look right. The care providers are invented. Every text here is a single line without tabs
or backslashes, because the PostgreSQL writer streams it into COPY unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from redress.domain.categories import OrganisationType

NORTH_EAST = "North East"
NORTH_WEST = "North West"
YORKSHIRE = "Yorkshire and the Humber"
EAST_MIDLANDS = "East Midlands"
WEST_MIDLANDS = "West Midlands"
EAST = "East of England"
LONDON = "London"
SOUTH_EAST = "South East"
SOUTH_WEST = "South West"

# The assessment teams split the country in two halves of roughly equal population.
NORTHERN_REGIONS = frozenset({NORTH_EAST, NORTH_WEST, YORKSHIRE, EAST_MIDLANDS, WEST_MIDLANDS})


@dataclass(frozen=True)
class Body:
    name: str
    org_type: OrganisationType
    region: str
    population: int | None
    postcode_areas: tuple[str, ...]
    towns: tuple[str, ...]


def _b(  # noqa: PLR0917 - positional keeps each row of the table on one or two lines
    name: str,
    org_type: OrganisationType,
    region: str,
    population: int | None,
    postcodes: str,
    towns: str,
) -> Body:
    return Body(
        name, org_type, region, population, tuple(postcodes.split()), tuple(towns.split("|"))
    )


_C = OrganisationType.COUNTY
_D = OrganisationType.DISTRICT
_U = OrganisationType.UNITARY
_M = OrganisationType.METROPOLITAN
_L = OrganisationType.LONDON_BOROUGH
_P = OrganisationType.CARE_PROVIDER

COUNCILS: tuple[Body, ...] = (
    # County councils
    _b("Cambridgeshire County Council", _C, EAST, 678_800, "CB PE", "Ely|Huntingdon|Wisbech"),
    _b(
        "Derbyshire County Council",
        _C,
        EAST_MIDLANDS,
        794_600,
        "DE S SK",
        "Matlock|Buxton|Ilkeston",
    ),
    _b(
        "Devon County Council", _C, SOUTH_WEST, 811_600, "EX TQ", "Barnstaple|Newton Abbot|Tiverton"
    ),
    _b(
        "East Sussex County Council", _C, SOUTH_EAST, 545_800, "BN TN", "Lewes|Hastings|Crowborough"
    ),
    _b("Essex County Council", _C, EAST, 1_503_300, "CM CO SS", "Harlow|Clacton-on-Sea|Witham"),
    _b(
        "Gloucestershire County Council",
        _C,
        SOUTH_WEST,
        645_100,
        "GL",
        "Stroud|Tewkesbury|Cirencester",
    ),
    _b(
        "Hampshire County Council",
        _C,
        SOUTH_EAST,
        1_400_900,
        "SO PO GU RG",
        "Andover|Fareham|Aldershot",
    ),
    _b(
        "Hertfordshire County Council",
        _C,
        EAST,
        1_198_800,
        "AL SG WD",
        "Hemel Hempstead|Stevenage|Hertford",
    ),
    _b(
        "Kent County Council",
        _C,
        SOUTH_EAST,
        1_576_100,
        "ME CT TN DA",
        "Ashford|Dartford|Folkestone",
    ),
    _b(
        "Lancashire County Council",
        _C,
        NORTH_WEST,
        1_235_400,
        "PR BB LA",
        "Chorley|Burnley|Skelmersdale",
    ),
    _b(
        "Leicestershire County Council",
        _C,
        EAST_MIDLANDS,
        712_300,
        "LE",
        "Loughborough|Hinckley|Melton Mowbray",
    ),
    _b(
        "Lincolnshire County Council",
        _C,
        EAST_MIDLANDS,
        768_400,
        "LN PE NG",
        "Grantham|Boston|Skegness",
    ),
    _b("Norfolk County Council", _C, EAST, 916_100, "NR PE IP", "Great Yarmouth|Thetford|Dereham"),
    _b(
        "Nottinghamshire County Council",
        _C,
        EAST_MIDLANDS,
        824_800,
        "NG S",
        "Worksop|Newark|Hucknall",
    ),
    _b("Oxfordshire County Council", _C, SOUTH_EAST, 725_300, "OX", "Banbury|Bicester|Witney"),
    _b(
        "Staffordshire County Council",
        _C,
        WEST_MIDLANDS,
        876_100,
        "ST WS DE",
        "Cannock|Burton upon Trent|Leek",
    ),
    _b(
        "Suffolk County Council", _C, EAST, 760_700, "IP CB NR", "Bury St Edmunds|Lowestoft|Sudbury"
    ),
    _b("Surrey County Council", _C, SOUTH_EAST, 1_203_100, "GU KT RH", "Epsom|Camberley|Redhill"),
    _b(
        "Warwickshire County Council",
        _C,
        WEST_MIDLANDS,
        596_800,
        "CV B",
        "Nuneaton|Rugby|Leamington Spa",
    ),
    _b(
        "West Sussex County Council",
        _C,
        SOUTH_EAST,
        882_700,
        "RH BN PO",
        "Worthing|Bognor Regis|Haywards Heath",
    ),
    _b(
        "Worcestershire County Council",
        _C,
        WEST_MIDLANDS,
        603_900,
        "WR B DY",
        "Redditch|Kidderminster|Evesham",
    ),
    # District councils
    _b("Basildon Borough Council", _D, EAST, 187_600, "SS", "Basildon|Billericay|Wickford"),
    _b("Braintree District Council", _D, EAST, 154_200, "CM CO", "Braintree|Halstead|Witham"),
    _b("Chelmsford City Council", _D, EAST, 181_500, "CM", "Chelmsford|South Woodham Ferrers"),
    _b("Colchester City Council", _D, EAST, 192_700, "CO", "Colchester|Tiptree"),
    _b("Canterbury City Council", _D, SOUTH_EAST, 157_400, "CT", "Canterbury|Whitstable|Herne Bay"),
    _b("Maidstone Borough Council", _D, SOUTH_EAST, 175_800, "ME", "Maidstone|Headcorn"),
    _b("Thanet District Council", _D, SOUTH_EAST, 140_600, "CT", "Margate|Ramsgate|Broadstairs"),
    _b(
        "Tunbridge Wells Borough Council",
        _D,
        SOUTH_EAST,
        115_200,
        "TN",
        "Royal Tunbridge Wells|Paddock Wood",
    ),
    _b("Cambridge City Council", _D, EAST, 145_700, "CB", "Cambridge"),
    _b("Huntingdonshire District Council", _D, EAST, 180_800, "PE", "Huntingdon|St Neots|St Ives"),
    _b("Norwich City Council", _D, EAST, 144_000, "NR", "Norwich"),
    _b(
        "Borough Council of King's Lynn and West Norfolk",
        _D,
        EAST,
        154_300,
        "PE",
        "King's Lynn|Downham Market|Hunstanton",
    ),
    _b("Ipswich Borough Council", _D, EAST, 139_700, "IP", "Ipswich"),
    _b("East Suffolk Council", _D, EAST, 246_100, "IP NR", "Lowestoft|Felixstowe|Woodbridge"),
    _b("Oxford City Council", _D, SOUTH_EAST, 162_100, "OX", "Oxford"),
    _b("Cherwell District Council", _D, SOUTH_EAST, 161_000, "OX", "Banbury|Bicester|Kidlington"),
    _b("Winchester City Council", _D, SOUTH_EAST, 127_500, "SO", "Winchester|Alresford"),
    _b(
        "Basingstoke and Deane Borough Council", _D, SOUTH_EAST, 185_200, "RG", "Basingstoke|Tadley"
    ),
    _b(
        "New Forest District Council", _D, SOUTH_EAST, 175_900, "SO BH", "Lymington|Ringwood|Totton"
    ),
    _b("Guildford Borough Council", _D, SOUTH_EAST, 143_600, "GU", "Guildford|Ash"),
    _b("Woking Borough Council", _D, SOUTH_EAST, 103_900, "GU", "Woking|Byfleet"),
    _b("Crawley Borough Council", _D, SOUTH_EAST, 118_500, "RH", "Crawley"),
    _b(
        "Horsham District Council",
        _D,
        SOUTH_EAST,
        146_800,
        "RH",
        "Horsham|Billingshurst|Storrington",
    ),
    _b("Exeter City Council", _D, SOUTH_WEST, 130_700, "EX", "Exeter"),
    _b("Cheltenham Borough Council", _D, SOUTH_WEST, 118_800, "GL", "Cheltenham"),
    _b("Gloucester City Council", _D, SOUTH_WEST, 132_400, "GL", "Gloucester|Quedgeley"),
    _b("Preston City Council", _D, NORTH_WEST, 147_800, "PR", "Preston|Fulwood"),
    _b("Lancaster City Council", _D, NORTH_WEST, 142_900, "LA", "Lancaster|Morecambe|Carnforth"),
    _b("City of Lincoln Council", _D, EAST_MIDLANDS, 103_900, "LN", "Lincoln"),
    _b(
        "Charnwood Borough Council",
        _D,
        EAST_MIDLANDS,
        183_900,
        "LE",
        "Loughborough|Shepshed|Syston",
    ),
    _b("Chesterfield Borough Council", _D, EAST_MIDLANDS, 103_600, "S", "Chesterfield|Staveley"),
    _b(
        "Mansfield District Council",
        _D,
        EAST_MIDLANDS,
        110_500,
        "NG",
        "Mansfield|Mansfield Woodhouse",
    ),
    _b("Stafford Borough Council", _D, WEST_MIDLANDS, 136_800, "ST", "Stafford|Stone"),
    _b(
        "Warwick District Council",
        _D,
        WEST_MIDLANDS,
        148_500,
        "CV",
        "Warwick|Leamington Spa|Kenilworth",
    ),
    _b("Worcester City Council", _D, WEST_MIDLANDS, 103_900, "WR", "Worcester"),
    _b("St Albans City and District Council", _D, EAST, 147_800, "AL", "St Albans|Harpenden"),
    _b("Watford Borough Council", _D, EAST, 102_300, "WD", "Watford"),
    # Unitary authorities
    _b("Bristol City Council", _U, SOUTH_WEST, 472_400, "BS", "Bristol"),
    _b("Cornwall Council", _U, SOUTH_WEST, 570_300, "TR PL", "Truro|Camborne|St Austell|Bodmin"),
    _b("Wiltshire Council", _U, SOUTH_WEST, 510_400, "SN SP BA", "Trowbridge|Salisbury|Chippenham"),
    _b("Dorset Council", _U, SOUTH_WEST, 379_600, "DT BH", "Dorchester|Weymouth|Bridport"),
    _b(
        "Bournemouth, Christchurch and Poole Council",
        _U,
        SOUTH_WEST,
        400_300,
        "BH",
        "Bournemouth|Poole|Christchurch",
    ),
    _b("Somerset Council", _U, SOUTH_WEST, 571_600, "TA BA", "Taunton|Yeovil|Bridgwater"),
    _b(
        "North Somerset Council",
        _U,
        SOUTH_WEST,
        216_700,
        "BS",
        "Weston-super-Mare|Clevedon|Nailsea",
    ),
    _b(
        "Bath and North East Somerset Council",
        _U,
        SOUTH_WEST,
        193_400,
        "BA BS",
        "Bath|Keynsham|Midsomer Norton",
    ),
    _b(
        "South Gloucestershire Council",
        _U,
        SOUTH_WEST,
        290_400,
        "BS",
        "Yate|Thornbury|Bradley Stoke",
    ),
    _b("Plymouth City Council", _U, SOUTH_WEST, 264_700, "PL", "Plymouth"),
    _b("Torbay Council", _U, SOUTH_WEST, 139_300, "TQ", "Torquay|Paignton|Brixham"),
    _b("Swindon Borough Council", _U, SOUTH_WEST, 233_400, "SN", "Swindon|Highworth"),
    _b("Brighton and Hove City Council", _U, SOUTH_EAST, 277_100, "BN", "Brighton|Hove"),
    _b(
        "Milton Keynes City Council",
        _U,
        SOUTH_EAST,
        287_000,
        "MK",
        "Milton Keynes|Bletchley|Newport Pagnell",
    ),
    _b("Reading Borough Council", _U, SOUTH_EAST, 174_200, "RG", "Reading"),
    _b("Slough Borough Council", _U, SOUTH_EAST, 158_500, "SL", "Slough"),
    _b("West Berkshire Council", _U, SOUTH_EAST, 161_400, "RG", "Newbury|Thatcham|Hungerford"),
    _b("Wokingham Borough Council", _U, SOUTH_EAST, 177_500, "RG", "Wokingham|Woodley|Crowthorne"),
    _b(
        "Buckinghamshire Council",
        _U,
        SOUTH_EAST,
        553_100,
        "HP MK SL",
        "Aylesbury|High Wycombe|Amersham",
    ),
    _b("Portsmouth City Council", _U, SOUTH_EAST, 208_100, "PO", "Portsmouth|Southsea"),
    _b("Southampton City Council", _U, SOUTH_EAST, 248_900, "SO", "Southampton"),
    _b("Isle of Wight Council", _U, SOUTH_EAST, 140_500, "PO", "Newport|Ryde|Sandown"),
    _b("Medway Council", _U, SOUTH_EAST, 279_800, "ME", "Chatham|Rochester|Gillingham"),
    _b("Luton Borough Council", _U, EAST, 225_300, "LU", "Luton"),
    _b("Bedford Borough Council", _U, EAST, 185_300, "MK", "Bedford|Kempston"),
    _b(
        "Central Bedfordshire Council",
        _U,
        EAST,
        294_200,
        "LU SG MK",
        "Dunstable|Leighton Buzzard|Biggleswade",
    ),
    _b("Peterborough City Council", _U, EAST, 215_700, "PE", "Peterborough"),
    _b(
        "Southend-on-Sea City Council",
        _U,
        EAST,
        180_700,
        "SS",
        "Southend-on-Sea|Leigh-on-Sea|Shoeburyness",
    ),
    _b("Thurrock Council", _U, EAST, 176_000, "RM SS", "Grays|Tilbury|Stanford-le-Hope"),
    _b("Leicester City Council", _U, EAST_MIDLANDS, 368_600, "LE", "Leicester"),
    _b("Nottingham City Council", _U, EAST_MIDLANDS, 323_700, "NG", "Nottingham"),
    _b("Derby City Council", _U, EAST_MIDLANDS, 261_400, "DE", "Derby"),
    _b("Rutland County Council", _U, EAST_MIDLANDS, 41_000, "LE", "Oakham|Uppingham"),
    _b(
        "North Northamptonshire Council",
        _U,
        EAST_MIDLANDS,
        359_500,
        "NN",
        "Kettering|Corby|Wellingborough",
    ),
    _b(
        "West Northamptonshire Council",
        _U,
        EAST_MIDLANDS,
        425_700,
        "NN",
        "Northampton|Daventry|Towcester",
    ),
    _b(
        "Stoke-on-Trent City Council",
        _U,
        WEST_MIDLANDS,
        258_400,
        "ST",
        "Stoke-on-Trent|Hanley|Longton",
    ),
    _b(
        "Herefordshire Council", _U, WEST_MIDLANDS, 187_100, "HR", "Hereford|Leominster|Ross-on-Wye"
    ),
    _b("Shropshire Council", _U, WEST_MIDLANDS, 323_600, "SY TF", "Shrewsbury|Oswestry|Ludlow"),
    _b("Telford and Wrekin Council", _U, WEST_MIDLANDS, 185_600, "TF", "Telford|Newport"),
    _b("Hull City Council", _U, YORKSHIRE, 267_100, "HU", "Kingston upon Hull"),
    _b(
        "East Riding of Yorkshire Council",
        _U,
        YORKSHIRE,
        342_200,
        "HU YO",
        "Beverley|Bridlington|Goole",
    ),
    _b(
        "North Yorkshire Council",
        _U,
        YORKSHIRE,
        615_500,
        "YO HG DL",
        "Harrogate|Scarborough|Northallerton",
    ),
    _b("City of York Council", _U, YORKSHIRE, 202_800, "YO", "York"),
    _b(
        "North Lincolnshire Council",
        _U,
        YORKSHIRE,
        169_700,
        "DN",
        "Scunthorpe|Brigg|Barton-upon-Humber",
    ),
    _b(
        "North East Lincolnshire Council",
        _U,
        YORKSHIRE,
        156_900,
        "DN",
        "Grimsby|Cleethorpes|Immingham",
    ),
    _b("Middlesbrough Council", _U, NORTH_EAST, 143_900, "TS", "Middlesbrough"),
    _b(
        "Redcar and Cleveland Borough Council",
        _U,
        NORTH_EAST,
        136_500,
        "TS",
        "Redcar|Guisborough|Saltburn-by-the-Sea",
    ),
    _b(
        "Stockton-on-Tees Borough Council",
        _U,
        NORTH_EAST,
        196_600,
        "TS",
        "Stockton-on-Tees|Billingham|Yarm",
    ),
    _b("Darlington Borough Council", _U, NORTH_EAST, 107_800, "DL", "Darlington"),
    _b("Hartlepool Borough Council", _U, NORTH_EAST, 92_300, "TS", "Hartlepool"),
    _b(
        "Durham County Council",
        _U,
        NORTH_EAST,
        522_100,
        "DH DL",
        "Durham|Chester-le-Street|Consett|Bishop Auckland",
    ),
    _b(
        "Northumberland County Council",
        _U,
        NORTH_EAST,
        320_600,
        "NE TD",
        "Morpeth|Hexham|Blyth|Ashington",
    ),
    _b("Cumberland Council", _U, NORTH_WEST, 274_300, "CA", "Carlisle|Workington|Whitehaven"),
    _b(
        "Westmorland and Furness Council",
        _U,
        NORTH_WEST,
        225_400,
        "LA CA",
        "Kendal|Barrow-in-Furness|Penrith",
    ),
    _b("Cheshire East Council", _U, NORTH_WEST, 398_800, "CW SK", "Crewe|Macclesfield|Congleton"),
    _b(
        "Cheshire West and Chester Council",
        _U,
        NORTH_WEST,
        357_200,
        "CH CW",
        "Chester|Ellesmere Port|Northwich",
    ),
    _b("Warrington Borough Council", _U, NORTH_WEST, 210_900, "WA", "Warrington"),
    _b("Halton Borough Council", _U, NORTH_WEST, 128_500, "WA", "Widnes|Runcorn"),
    _b("Blackburn with Darwen Borough Council", _U, NORTH_WEST, 154_800, "BB", "Blackburn|Darwen"),
    _b("Blackpool Council", _U, NORTH_WEST, 141_100, "FY", "Blackpool"),
    # Metropolitan boroughs
    _b("Birmingham City Council", _M, WEST_MIDLANDS, 1_144_900, "B", "Birmingham|Sutton Coldfield"),
    _b("Coventry City Council", _M, WEST_MIDLANDS, 345_300, "CV", "Coventry"),
    _b(
        "Dudley Metropolitan Borough Council",
        _M,
        WEST_MIDLANDS,
        323_500,
        "DY B",
        "Dudley|Stourbridge|Halesowen",
    ),
    _b(
        "Sandwell Metropolitan Borough Council",
        _M,
        WEST_MIDLANDS,
        341_900,
        "B",
        "West Bromwich|Oldbury|Smethwick",
    ),
    _b(
        "Solihull Metropolitan Borough Council",
        _M,
        WEST_MIDLANDS,
        216_200,
        "B",
        "Solihull|Shirley|Chelmsley Wood",
    ),
    _b("Walsall Council", _M, WEST_MIDLANDS, 284_100, "WS", "Walsall|Aldridge|Willenhall"),
    _b("City of Wolverhampton Council", _M, WEST_MIDLANDS, 263_700, "WV", "Wolverhampton|Bilston"),
    _b("Bolton Council", _M, NORTH_WEST, 296_000, "BL", "Bolton|Farnworth|Horwich"),
    _b("Bury Council", _M, NORTH_WEST, 193_800, "BL", "Bury|Ramsbottom|Prestwich"),
    _b("Manchester City Council", _M, NORTH_WEST, 551_900, "M", "Manchester|Wythenshawe"),
    _b("Oldham Council", _M, NORTH_WEST, 242_100, "OL", "Oldham|Chadderton|Royton"),
    _b("Rochdale Borough Council", _M, NORTH_WEST, 223_700, "OL", "Rochdale|Heywood|Middleton"),
    _b("Salford City Council", _M, NORTH_WEST, 270_000, "M", "Salford|Eccles|Swinton"),
    _b(
        "Stockport Metropolitan Borough Council",
        _M,
        NORTH_WEST,
        294_800,
        "SK",
        "Stockport|Cheadle|Marple",
    ),
    _b(
        "Tameside Metropolitan Borough Council",
        _M,
        NORTH_WEST,
        231_200,
        "OL SK",
        "Ashton-under-Lyne|Hyde|Stalybridge",
    ),
    _b("Trafford Council", _M, NORTH_WEST, 235_100, "M WA", "Altrincham|Sale|Stretford"),
    _b("Wigan Council", _M, NORTH_WEST, 329_300, "WN", "Wigan|Leigh|Ashton-in-Makerfield"),
    _b(
        "Knowsley Metropolitan Borough Council",
        _M,
        NORTH_WEST,
        154_500,
        "L",
        "Kirkby|Huyton|Prescot",
    ),
    _b("Liverpool City Council", _M, NORTH_WEST, 486_100, "L", "Liverpool"),
    _b("St Helens Borough Council", _M, NORTH_WEST, 183_200, "WA", "St Helens|Newton-le-Willows"),
    _b("Sefton Council", _M, NORTH_WEST, 279_300, "L PR", "Southport|Bootle|Crosby"),
    _b("Wirral Council", _M, NORTH_WEST, 320_200, "CH", "Birkenhead|Wallasey|Heswall"),
    _b("Barnsley Metropolitan Borough Council", _M, YORKSHIRE, 244_600, "S", "Barnsley|Penistone"),
    _b("City of Doncaster Council", _M, YORKSHIRE, 308_100, "DN", "Doncaster|Thorne|Mexborough"),
    _b(
        "Rotherham Metropolitan Borough Council",
        _M,
        YORKSHIRE,
        265_800,
        "S",
        "Rotherham|Rawmarsh|Maltby",
    ),
    _b("Sheffield City Council", _M, YORKSHIRE, 556_500, "S", "Sheffield|Stocksbridge"),
    _b(
        "City of Bradford Metropolitan District Council",
        _M,
        YORKSHIRE,
        546_400,
        "BD",
        "Bradford|Keighley|Shipley",
    ),
    _b("Calderdale Council", _M, YORKSHIRE, 206_600, "HX OL", "Halifax|Brighouse|Todmorden"),
    _b("Kirklees Council", _M, YORKSHIRE, 433_200, "HD WF", "Huddersfield|Dewsbury|Batley"),
    _b("Leeds City Council", _M, YORKSHIRE, 812_000, "LS", "Leeds|Morley|Otley"),
    _b("Wakefield Council", _M, YORKSHIRE, 353_300, "WF", "Wakefield|Castleford|Pontefract"),
    _b("Gateshead Council", _M, NORTH_EAST, 196_100, "NE", "Gateshead|Whickham"),
    _b("Newcastle City Council", _M, NORTH_EAST, 300_200, "NE", "Newcastle upon Tyne"),
    _b(
        "North Tyneside Council",
        _M,
        NORTH_EAST,
        209_000,
        "NE",
        "North Shields|Wallsend|Whitley Bay",
    ),
    _b("South Tyneside Council", _M, NORTH_EAST, 147_800, "NE", "South Shields|Jarrow|Hebburn"),
    _b(
        "Sunderland City Council",
        _M,
        NORTH_EAST,
        274_200,
        "SR",
        "Sunderland|Washington|Houghton-le-Spring",
    ),
    # London boroughs
    _b("London Borough of Barking and Dagenham", _L, LONDON, 218_900, "IG RM", "Barking|Dagenham"),
    _b("London Borough of Barnet", _L, LONDON, 389_300, "N NW EN", "Barnet|Finchley|Edgware"),
    _b("London Borough of Bexley", _L, LONDON, 246_500, "DA SE", "Bexleyheath|Sidcup|Erith"),
    _b("London Borough of Brent", _L, LONDON, 339_800, "NW HA", "Wembley|Willesden|Kilburn"),
    _b("London Borough of Bromley", _L, LONDON, 330_000, "BR SE", "Bromley|Orpington|Beckenham"),
    _b(
        "London Borough of Camden",
        _L,
        LONDON,
        210_100,
        "NW WC N",
        "Camden Town|Kentish Town|Hampstead",
    ),
    _b("London Borough of Croydon", _L, LONDON, 390_800, "CR SE", "Croydon|Thornton Heath|Purley"),
    _b("London Borough of Ealing", _L, LONDON, 367_100, "W UB", "Ealing|Acton|Southall"),
    _b("London Borough of Enfield", _L, LONDON, 330_000, "EN N", "Enfield|Edmonton|Southgate"),
    _b("Royal Borough of Greenwich", _L, LONDON, 289_100, "SE", "Greenwich|Woolwich|Eltham"),
    _b("London Borough of Hackney", _L, LONDON, 259_200, "E N", "Hackney|Stoke Newington|Dalston"),
    _b(
        "London Borough of Hammersmith and Fulham",
        _L,
        LONDON,
        183_200,
        "W SW",
        "Hammersmith|Fulham|Shepherd's Bush",
    ),
    _b("London Borough of Haringey", _L, LONDON, 264_200, "N", "Tottenham|Wood Green|Hornsey"),
    _b("London Borough of Harrow", _L, LONDON, 261_300, "HA", "Harrow|Pinner|Stanmore"),
    _b("London Borough of Havering", _L, LONDON, 262_000, "RM", "Romford|Hornchurch|Upminster"),
    _b("London Borough of Hillingdon", _L, LONDON, 305_900, "UB HA", "Uxbridge|Hayes|Ruislip"),
    _b("London Borough of Hounslow", _L, LONDON, 288_200, "TW W", "Hounslow|Feltham|Chiswick"),
    _b("London Borough of Islington", _L, LONDON, 216_600, "N EC", "Islington|Holloway|Highbury"),
    _b(
        "Royal Borough of Kensington and Chelsea",
        _L,
        LONDON,
        143_400,
        "W SW",
        "Kensington|Chelsea|North Kensington",
    ),
    _b(
        "Royal Borough of Kingston upon Thames",
        _L,
        LONDON,
        168_000,
        "KT",
        "Kingston upon Thames|Surbiton|Chessington",
    ),
    _b("London Borough of Lambeth", _L, LONDON, 317_600, "SE SW", "Brixton|Streatham|Clapham"),
    _b("London Borough of Lewisham", _L, LONDON, 300_600, "SE", "Lewisham|Catford|Deptford"),
    _b("London Borough of Merton", _L, LONDON, 215_200, "SW CR SM", "Wimbledon|Mitcham|Morden"),
    _b("London Borough of Newham", _L, LONDON, 351_100, "E", "Stratford|East Ham|Canning Town"),
    _b("London Borough of Redbridge", _L, LONDON, 310_300, "IG E", "Ilford|Woodford|Wanstead"),
    _b(
        "London Borough of Richmond upon Thames",
        _L,
        LONDON,
        195_200,
        "TW SW",
        "Richmond|Twickenham|Teddington",
    ),
    _b("London Borough of Southwark", _L, LONDON, 307_700, "SE", "Peckham|Camberwell|Bermondsey"),
    _b("London Borough of Sutton", _L, LONDON, 209_600, "SM", "Sutton|Carshalton|Wallington"),
    _b("London Borough of Tower Hamlets", _L, LONDON, 310_300, "E", "Bethnal Green|Poplar|Bow"),
    _b(
        "London Borough of Waltham Forest", _L, LONDON, 278_400, "E", "Walthamstow|Leyton|Chingford"
    ),
    _b("London Borough of Wandsworth", _L, LONDON, 327_500, "SW", "Wandsworth|Battersea|Tooting"),
    _b(
        "Westminster City Council", _L, LONDON, 204_300, "W SW NW", "Westminster|Paddington|Pimlico"
    ),
)

CARE_PROVIDERS: tuple[Body, ...] = (
    _b("Meadowbank Care Homes Ltd", _P, NORTH_WEST, None, "PR WN", "Chorley|Wigan"),
    _b("Oakleigh House Nursing Home", _P, SOUTH_EAST, None, "TN", "Sevenoaks"),
    _b("Brightwater Home Care Services Ltd", _P, SOUTH_WEST, None, "BS", "Bristol"),
    _b("Willow Court Residential Care", _P, EAST_MIDLANDS, None, "NG", "Beeston"),
    _b("Harbourside Care Ltd", _P, SOUTH_WEST, None, "PL", "Plymouth"),
    _b("Amberley Lodge Care Home", _P, SOUTH_EAST, None, "BN", "Worthing"),
    _b("Kingfisher Domiciliary Care Ltd", _P, EAST, None, "CM", "Chelmsford"),
    _b("Heatherfield Nursing and Residential Home", _P, YORKSHIRE, None, "HG", "Harrogate"),
    _b("Castlegate Homecare Ltd", _P, NORTH_EAST, None, "DH", "Durham"),
    _b("The Laurels Care Centre", _P, WEST_MIDLANDS, None, "WV", "Wolverhampton"),
    _b("Elmstead Supported Living Ltd", _P, EAST, None, "CO", "Colchester"),
    _b("Rosewood Manor Care Home", _P, LONDON, None, "BR", "Bromley"),
    _b("Northfield Home Care Partnership", _P, WEST_MIDLANDS, None, "B", "Northfield"),
    _b("Pennine View Care Ltd", _P, NORTH_WEST, None, "OL", "Oldham"),
    _b("Greenacres Retirement and Nursing Home", _P, SOUTH_EAST, None, "GU", "Farnham"),
    _b("Silverdale Care Services Ltd", _P, NORTH_WEST, None, "LA", "Lancaster"),
    _b("Riverside Reablement Ltd", _P, LONDON, None, "SE", "Greenwich"),
    _b("Foxhollow Care Home", _P, SOUTH_WEST, None, "EX", "Exmouth"),
    _b("Beacon Hill Nursing Home", _P, EAST_MIDLANDS, None, "LE", "Loughborough"),
    _b("Cedar House Residential Home", _P, YORKSHIRE, None, "LS", "Headingley"),
    _b("Wellspring Home Support Ltd", _P, NORTH_EAST, None, "NE", "Gosforth"),
    _b("Marlborough Gardens Care Home", _P, SOUTH_WEST, None, "SN", "Swindon"),
    _b("Allied Community Care Ltd", _P, LONDON, None, "E", "Stratford"),
    _b("Thornbury Park Care Home", _P, SOUTH_WEST, None, "BS", "Thornbury"),
    _b("Hollybank Residential Care Ltd", _P, WEST_MIDLANDS, None, "ST", "Stoke-on-Trent"),
    _b("Seaview Lodge Care Home", _P, EAST, None, "NR", "Cromer"),
    _b("Copper Beech Home Care", _P, SOUTH_EAST, None, "OX", "Abingdon"),
    _b("St Aidan's Nursing Home", _P, NORTH_EAST, None, "SR", "Sunderland"),
    _b("Kindred Care at Home Ltd", _P, EAST_MIDLANDS, None, "DE", "Derby"),
    _b("Lakeside Court Care Home", _P, NORTH_WEST, None, "CA", "Keswick"),
    _b("Birchwood Dementia Care Ltd", _P, NORTH_WEST, None, "WA", "Warrington"),
    _b("Primrose Hill Home Care Ltd", _P, LONDON, None, "NW", "Kilburn"),
    _b("Orchard Grange Care Home", _P, SOUTH_EAST, None, "ME", "Maidstone"),
    _b("Valley Homecare Services Ltd", _P, YORKSHIRE, None, "S", "Rotherham"),
    _b("Fairhaven Residential Home", _P, EAST, None, "SS", "Southend-on-Sea"),
    _b("Moorlands Care Group Ltd", _P, YORKSHIRE, None, "BD", "Keighley"),
    _b("Ashgrove Supported Living", _P, SOUTH_EAST, None, "RG", "Reading"),
    _b("Trinity Lodge Care Home", _P, WEST_MIDLANDS, None, "CV", "Coventry"),
    _b("Compass Home Care Ltd", _P, SOUTH_WEST, None, "TA", "Taunton"),
    _b("Hawthorn House Nursing Home", _P, EAST_MIDLANDS, None, "LN", "Lincoln"),
)

BODIES: tuple[Body, ...] = COUNCILS + CARE_PROVIDERS


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FEMALE_FIRST_NAMES: tuple[str, ...] = _words(
    """Olivia Amelia Isla Ava Emily Sophie Grace Lily Freya Ella Jessica Charlotte Chloe Evie
    Hannah Lucy Megan Sarah Emma Rebecca Laura Rachel Claire Helen Karen Susan Julie Nicola
    Joanne Michelle Amanda Deborah Tracey Lisa Kelly Gemma Jennifer Elizabeth Margaret Patricia
    Jean Brenda Sandra Pauline Christine Janet Linda Maureen Carol Angela Fatima Aisha Amina
    Zainab Priya Sunita Anjali Nadia Ayesha Shabana Yasmin Mariam Agnieszka Katarzyna Ioana
    Chiamaka Ngozi Abena Siobhan Niamh Bethan Carys Rhiannon Aoife Maria Teresa Precious"""
)
MALE_FIRST_NAMES: tuple[str, ...] = _words(
    """Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas James William Daniel
    Matthew Joseph Samuel David Michael Christopher Andrew Mark Paul Richard Stephen Peter
    John Robert Anthony Kevin Gary Darren Lee Wayne Craig Simon Ian Graham Keith Brian Colin
    Derek Trevor Barry Raymond Mohammed Muhammad Ahmed Ali Hassan Imran Tariq Bilal Rajesh
    Sanjay Vikram Arjun Piotr Tomasz Marek Andrei Chukwuemeka Kwame Kofi Tunde Declan Ciaran
    Rhys Gareth Owen Callum Fraser Hamish Dev Luca Mateusz"""
)
LAST_NAMES: tuple[str, ...] = _words(
    """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans
    Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason
    Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Harris Clark Hughes Edwards Turner
    Hill Cooper Ward Morris King Baker Harrison Young Allen Scott Watson Kelly Lee Parker
    Bennett Carter Shaw Collins Marshall Chapman Ellis Richardson Murphy Cook Bailey Bell
    Graham Stevens Fisher Lloyd Holmes Palmer Webb Reid Mills Hunt Knight Butler Barker Russell
    Gibson Wallace Gray Pearson Fox Dixon Hussain Ahmed Ali Begum Akhtar Rahman Shah Singh
    Kaur Sharma Gill Mistry Chauhan Okafor Mensah Adeyemi Okoro Boateng Nowak Kowalski
    Wisniewski Popescu Ionescu Rossi Costa Silva Santos Ferreira O'Brien O'Connor Murray
    McDonald Campbell Stewart Anderson Kennedy Doherty Byrne Gallagher Quinn Nolan Price
    Powell Griffiths Owen Pritchard Vaughan Howells Jenkins Hopkins Sutton Fletcher Dawson
    Lambert Barnes Pike Stone Frost Hale Booth Nash"""
)

STREET_NAMES: tuple[str, ...] = (
    "Mill Lane",
    "Church Street",
    "Station Road",
    "Victoria Road",
    "Park Avenue",
    "High Street",
    "Queen's Road",
    "Manor Way",
    "Orchard Close",
    "The Crescent",
    "Chapel Lane",
    "Beech Grove",
    "Elm Road",
    "Windsor Drive",
    "Meadow View",
    "Springfield Road",
    "Kings Road",
    "North Street",
    "Albert Road",
    "Highfield Avenue",
    "Brook Street",
    "Cedar Close",
    "Oakwood Drive",
    "Grange Road",
    "St John's Road",
    "Moorland Road",
    "Castle Street",
    "Hawthorn Way",
    "Park Lane",
    "Green Lane",
    "Willow Walk",
    "Bridge Street",
    "Farm Close",
    "Rectory Road",
    "Salisbury Road",
    "The Avenue",
    "Cromwell Road",
    "Stanley Street",
    "Jubilee Close",
    "Tennyson Avenue",
)

# Titles with the pronouns a caseworker would use in a summary (their, them).
TITLES_FEMALE: tuple[str, ...] = ("Mrs", "Ms", "Miss")
TITLES_NEUTRAL: tuple[str, ...] = ("Mx", "Dr", "")

REASONABLE_ADJUSTMENTS: tuple[str, ...] = (
    "Send letters in large print (18 point Arial).",
    "Prefers phone calls after 2pm; has ME/CFS and tires easily.",
    "Needs a British Sign Language interpreter for calls and meetings.",
    "Has dyslexia: send documents by email so screen-reading software can be used.",
    "Easy read versions of our letters, please.",
    "Allow extra time (four weeks) to comment on a draft decision.",
    "Has autism: give clear dates for next steps and avoid unexpected calls.",
    "Speaks Polish; arrange an interpreter for phone calls.",
    "Visually impaired: no PDFs, plain text email only.",
    "Anxiety: contact by email only, no phone calls.",
    "Hearing loss: use the Relay UK text service for calls.",
    "Needs a named contact and a call back rather than a queue.",
)

REPRESENTATIVES: tuple[tuple[str, str], ...] = (
    # (who the representative is, how their authority was given)
    ("daughter", "Signed consent form from the complainant received."),
    ("son", "Signed consent form from the complainant received."),
    ("mother", "Parent with parental responsibility acting for a child."),
    ("husband", "Verbal consent given by the complainant on a recorded call."),
    ("wife", "Verbal consent given by the complainant on a recorded call."),
    ("advocate", "Independent advocate; signed authority form on file."),
    ("solicitor", "Letter of authority from the client received."),
    ("Member of Parliament", "MP acting for a constituent; consent confirmed by the constituent."),
    ("attorney", "Lasting power of attorney (health and welfare) registered; copy on file."),
    ("deputy", "Court of Protection deputyship order; copy on file."),
    ("friend", "Signed consent form from the complainant received."),
)
