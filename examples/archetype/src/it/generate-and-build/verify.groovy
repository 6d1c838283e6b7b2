// The generated project built a bundle with the agency's components wired to the Tandem SPI.
import java.util.jar.JarFile

def jar = new File(basedir, 'county-rules/target/county-rules-1.0.0.jar')
assert jar.isFile() : "no bundle built: $jar"
def file = new JarFile(jar)
def main = file.manifest.mainAttributes
assert main.getValue('Bundle-SymbolicName') == 'org.example.agency.county-rules'
assert main.getValue('Import-Package').contains('org.tandem.api.spi')
def components = main.getValue('Service-Component')
assert components != null && components.contains('AgencyValidator') && components.contains('AgencyEnricher')
assert components.contains('CaseOpenedListener') && components.contains('AgencyRoutes')
assert new File(basedir, 'county-rules/target/surefire-reports').isDirectory() : 'unit tests did not run'
assert new File(basedir, 'county-rules/README.md').isFile()
file.close()
return true
