"""Demo and benchmark data: the demo accounts, named scenario cases at every point of the
flow, and bulk stage data for generated caseloads. Writes only through the apps' services,
except the bulk loader, which writes rows the services would have written."""
